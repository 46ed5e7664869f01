/**
 * Takes the board's versions (SPEC H1–H5) from the room hooks of the core:
 *   - periodic: a room that changed gets a version every `intervalMs` while
 *     it keeps changing, and one when it unloads with changes no version
 *     holds; at load, one when the board differs from the newest version;
 *   - before-delete: before an update that deletes more than
 *     `deleteThreshold` board records is applied (pre-apply hook);
 *   - vaststelling and phase: when the session map's `vaststelling` or the
 *     facilitation map's `phase` changes;
 *   - before-restore: by restoreVersion, before a restore is applied.
 * The content is read from the doc synchronously; storing is queued per
 * session, so versions keep their order and numbers.
 */
import { isDeepStrictEqual } from 'node:util'
import type * as Y from 'yjs'
import type { HistoryContent, HistoryKind, HistoryVersionSummary } from '../../shared/history'
import { recordsOf, Y_FACILITATION, Y_SESSION } from '../../shared/ydoc'
import type { DecodedUpdate } from '../core/decodedUpdate'
import type { Principal } from '../core/Grant'
import type { Logger } from '../core/log'
import { LOAD_ORIGIN, REMOTE_ORIGIN } from '../core/origins'
import type { Room } from '../core/Room'
import { deletedRecordCount } from './deletedRecordCount'
import type { HistoryStore } from './HistoryStore'
import { contentOf, countsOf, decodeContent, encodeContent } from './versionContent'
import { displayName, whoMadeIt } from './whoMadeIt'

export interface HistoryOptions {
  store: HistoryStore
  log: Logger
  /** HISTORY_KEEP: versions kept per session (vaststellingen are always kept). */
  keep: number
  /** HISTORY_INTERVAL_MS: at most one periodic version per this interval while a board changes. */
  intervalMs: number
  /** HISTORY_DELETE_THRESHOLD: a change deleting more records than this is preceded by a version. */
  deleteThreshold: number
  /** At most one before-delete version per room per this many ms (H3). */
  deleteGapMs: number
  now?: () => Date
}

interface RoomState {
  /** The doc changed since the last version. */
  dirty: boolean
  /** Who made those changes. */
  actors: Set<string>
  /**
   * Since the last version the board only lost records: that version holds
   * everything a further deletion removes, so none is needed before it.
   */
  onlyDeletions: boolean
  /** When the last before-delete version was taken (ms). */
  lastBeforeDelete: number
  timer: NodeJS.Timeout | null
  detach: () => void
}

export class HistoryRecorder {
  private readonly rooms = new Map<Room, RoomState>()
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly now: () => Date

  constructor(private readonly opts: HistoryOptions) {
    this.now = opts.now ?? (() => new Date())
  }

  /** RoomManager onLoad: observe the doc; version the loaded board when no version holds it yet. */
  onLoad(room: Room): void {
    const state: RoomState = { dirty: false, actors: new Set(), onlyDeletions: false, lastBeforeDelete: 0, timer: null, detach: () => undefined }
    const records = recordsOf(room.doc)
    const onRecords = (changes: Map<string, { action: string }>) => {
      for (const change of changes.values()) if (change.action !== 'delete') state.onlyDeletions = false
    }
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // K5: another instance's change is versioned there, once.
      if (origin === LOAD_ORIGIN || origin === REMOTE_ORIGIN) return
      state.dirty = true
      const who = whoMadeIt(origin)
      if (who) state.actors.add(who)
      this.schedule(room, state)
    }
    const facilitation = room.doc.getMap(Y_FACILITATION)
    let lastPhase: unknown = facilitation.get('phase')
    const onFacilitation = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has('phase') || event.transaction.origin === REMOTE_ORIGIN) return
      const phase = facilitation.get('phase')
      // Writing the same phase again (a whole facilitation state saved) is no phase change.
      if (phase === lastPhase) return
      lastPhase = phase
      this.take(room, 'phase', typeof phase === 'string' ? phase : null, this.namesOf(event.transaction.origin))
    }
    const session = room.doc.getMap(Y_SESSION)
    const onSession = (event: Y.YMapEvent<unknown>) => {
      state.onlyDeletions = false
      if (!event.keysChanged.has('vaststelling') || event.transaction.origin === REMOTE_ORIGIN) return
      const vaststelling = session.get('vaststelling') as { versie?: unknown } | undefined
      if (!vaststelling) return
      const versie = typeof vaststelling.versie === 'number' ? String(vaststelling.versie) : null
      this.take(room, 'vaststelling', versie, this.namesOf(event.transaction.origin))
    }
    room.doc.on('update', onUpdate)
    records.on('change', onRecords)
    facilitation.observe(onFacilitation)
    session.observe(onSession)
    state.detach = () => {
      room.doc.off('update', onUpdate)
      records.off('change', onRecords)
      facilitation.unobserve(onFacilitation)
      session.unobserve(onSession)
    }
    this.rooms.set(room, state)
    this.take(room, 'periodic', null, [], { onlyIfNew: true, skipEmpty: true })
  }

  /**
   * The pre-apply point (H3): called with an update a connection sent, before
   * it is applied (the core's filterUpdate, after every other filter
   * accepted it). A version of the board as it is now is taken when the
   * update would delete more than `deleteThreshold` records.
   */
  beforeApply(room: Room, decoded: DecodedUpdate, actor: Principal): void {
    let deleted: number
    try {
      deleted = deletedRecordCount(room.doc, decoded)
    } catch (err) {
      // Counting is the history's business; it never stands in the way of an update.
      this.opts.log.error({ err, room: room.name }, 'could not count the records an update deletes')
      return
    }
    if (deleted <= this.opts.deleteThreshold) return
    const state = this.rooms.get(room)
    if (state?.onlyDeletions) return
    const now = this.now().getTime()
    if (state && now - state.lastBeforeDelete < this.opts.deleteGapMs) {
      // Added and deleted again within a second, over and over: versioning each would only burn the event loop.
      this.opts.log.warn({ room: room.name, deleted }, 'large deletions in quick succession: no version for this one')
      return
    }
    if (state) state.lastBeforeDelete = now
    this.opts.log.info({ room: room.name, deleted }, 'a change deletes many records: taking a version first')
    this.take(room, 'before-delete', String(deleted), [displayName(actor)])
  }

  /** RoomManager onUnload: a version of changes no version holds, then stop observing. */
  async onUnload(room: Room): Promise<void> {
    const state = this.rooms.get(room)
    if (!state) return
    if (state.dirty) this.take(room, 'periodic', null, [...state.actors], { onlyIfNew: true })
    if (state.timer) clearTimeout(state.timer)
    state.detach()
    this.rooms.delete(room)
    await this.idle(room.name)
  }

  /**
   * Takes a version of the room's board now (content read synchronously) and
   * stores it (queued per session). With `onlyIfNew`, nothing is stored when
   * the board equals the newest stored version, with `skipEmpty` when it has
   * no records; the promise then resolves with null.
   */
  take(
    room: Room,
    kind: HistoryKind,
    detail: string | null,
    actorNames: string[],
    { onlyIfNew = false, skipEmpty = false }: { onlyIfNew?: boolean; skipEmpty?: boolean } = {},
  ): Promise<HistoryVersionSummary | null> {
    const content = contentOf(room.doc)
    const state = this.rooms.get(room)
    if (state) {
      state.dirty = false
      state.actors.clear()
      state.onlyDeletions = true
    }
    const takenAt = this.now().toISOString()
    return this.enqueue(room.name, async () => {
      if (skipEmpty && content.records.length === 0) return null
      if (onlyIfNew && (await this.equalsNewest(room.name, content))) return null
      const stored = await this.opts.store.add({
        sessionId: room.name,
        takenAt,
        kind,
        detail,
        actorNames,
        counts: countsOf(content),
        content: encodeContent(content),
      })
      const dropped = await this.opts.store.prune(room.name, this.opts.keep)
      if (dropped > 0) this.opts.log.info({ room: room.name, dropped }, 'dropped old history versions (HISTORY_KEEP)')
      return stored
    })
  }

  /** Resolves once every version of the session taken so far is stored (or its failure logged). */
  /**
   * privacy (SPEC G2): renames the people waiting to be named in a room's
   * next version, so that a version taken after an erase does not bring an
   * erased name back.
   */
  renameActors(rename: (name: string) => string): void {
    for (const state of this.rooms.values()) state.actors = new Set([...state.actors].map(rename))
  }

  idle(sessionId: string): Promise<void> {
    return (this.queues.get(sessionId) ?? Promise.resolve()).then(() => undefined)
  }

  /** Resolves once every version taken so far, of every session, is stored. */
  async idleAll(): Promise<void> {
    await Promise.all([...this.queues.keys()].map((sessionId) => this.idle(sessionId)))
  }

  /** Stops the periodic timers (server shutdown; unload stores what is left). */
  close(): void {
    for (const state of this.rooms.values()) if (state.timer) clearTimeout(state.timer)
  }

  private namesOf(origin: unknown): string[] {
    const who = whoMadeIt(origin)
    return who ? [who] : []
  }

  private schedule(room: Room, state: RoomState): void {
    if (state.timer) return
    state.timer = setTimeout(() => {
      state.timer = null
      if (state.dirty && this.rooms.get(room) === state) this.take(room, 'periodic', null, [...state.actors], { onlyIfNew: true })
    }, this.opts.intervalMs)
    state.timer.unref()
  }

  private async equalsNewest(sessionId: string, content: HistoryContent): Promise<boolean> {
    const [newest] = await this.opts.store.list(sessionId)
    if (!newest) return false
    const stored = await this.opts.store.get(sessionId, newest.version)
    if (!stored) return false
    try {
      return isDeepStrictEqual(decodeContent(stored.content), JSON.parse(JSON.stringify(content)))
    } catch {
      return false
    }
  }

  private enqueue<T>(sessionId: string, task: () => Promise<T>): Promise<T | null> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve()
    const run = previous.then(task).catch((err: unknown) => {
      this.opts.log.error({ err, room: sessionId }, 'could not store a history version')
      return null
    })
    this.queues.set(sessionId, run)
    void run.then(() => {
      if (this.queues.get(sessionId) === run) this.queues.delete(sessionId)
    })
    return run
  }
}
