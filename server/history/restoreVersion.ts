/**
 * Restores a version (H6, H7): one new change on the live doc that sets every
 * record that differs from the version and deletes every record the version
 * lacks, plus the session details (not the verslag's publication keys). It is
 * stored and broadcast like any change, so every open board follows, and it
 * is preceded by a version of the board as it was (the restore can be undone).
 */
import { isDeepStrictEqual } from 'node:util'
import { SESSION_KEYS_NOT_RESTORED, type HistoryContent, type RestoreResponse } from '../../shared/history'
import { recordsOf, Y_SESSION, type StoredRecord } from '../../shared/ydoc'
import type { Actor } from '../access/Actor'
import { HttpError } from '../core/http/errors'
import { ActorOrigin } from '../core/origins'
import type { RoomManager } from '../core/RoomManager'
import type { HistoryRecorder } from './HistoryRecorder'
import type { HistoryStore } from './HistoryStore'
import { decodeContent } from './versionContent'
import { displayName } from './whoMadeIt'

export const versionNotFound = (version: number) =>
  new HttpError(404, 'version_not_found', `Versie ${version} van dit bord bestaat niet (meer) (version not found)`)

export async function loadContent(store: HistoryStore, sessionId: string, version: number): Promise<HistoryContent> {
  const stored = await store.get(sessionId, version)
  if (!stored) throw versionNotFound(version)
  return decodeContent(stored.content)
}

export async function restoreVersion(
  deps: { store: HistoryStore; recorder: HistoryRecorder; rooms: RoomManager },
  sessionId: string,
  version: number,
  actor: Actor,
): Promise<RestoreResponse> {
  const content = await loadContent(deps.store, sessionId, version)
  const who = displayName(actor)
  // First the board as it is, stored: without it the restore could not be undone (H6).
  const before = await (await deps.rooms.withRoom(sessionId, (room) => deps.recorder.take(room, 'before-restore', String(version), [who])))
  if (!before) throw new HttpError(503, 'storage_unavailable', 'De huidige stand van het bord kon niet worden bewaard; er is niets teruggezet (could not store the board before restoring)')
  const changed = await deps.rooms.withRoom(sessionId, (room) =>
    room.transact((doc) => {
      const kv = recordsOf(doc)
      const wanted = new Map(content.records.map((record) => [record.id, record as StoredRecord]))
      let set = 0
      let deleted = 0
      for (const key of [...kv.map.keys()]) {
        if (!wanted.has(key)) {
          kv.delete(key)
          deleted++
        }
      }
      for (const [key, record] of wanted) {
        if (!isDeepStrictEqual(kv.get(key), record)) {
          kv.set(key, record)
          set++
        }
      }
      const session = doc.getMap(Y_SESSION)
      for (const key of [...session.keys()]) {
        if (!SESSION_KEYS_NOT_RESTORED.includes(key) && !(key in content.session)) session.delete(key)
      }
      for (const [key, value] of Object.entries(content.session)) {
        if (!SESSION_KEYS_NOT_RESTORED.includes(key) && !isDeepStrictEqual(session.get(key), value)) session.set(key, value)
      }
      return { set, deleted }
    }, new ActorOrigin(actor)),
  )
  return { restored: version, before, changed }
}
