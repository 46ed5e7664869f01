/**
 * Reads a session's document without keeping a room open: the live room's
 * doc when the room is loaded (it may hold changes still being stored), else
 * a throw-away doc rebuilt from the store (snapshot + logged updates, which
 * hold everything the server acknowledged, S1). Loads no room, so reading
 * many sessions (the register) neither fills memory nor delays unloading.
 */
import * as Y from 'yjs'
import type { Logger } from '../core/log'
import type { DocStore } from '../core/storage/DocStore'
import type { RoomManager } from '../core/RoomManager'

export async function readSessionDoc<T>(
  rooms: RoomManager,
  docs: DocStore,
  log: Logger,
  sessionId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const live = rooms.get(sessionId)
  if (live) return read(live.doc)
  const stored = await docs.load(sessionId)
  const loadedMeanwhile = rooms.get(sessionId)
  if (loadedMeanwhile) return read(loadedMeanwhile.doc)
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(doc, update)
        } catch (err) {
          log.error({ err, room: sessionId }, 'skipping a stored update that does not decode')
        }
      }
    })
    return read(doc)
  } finally {
    doc.destroy()
  }
}
