/**
 * One live session document: a Y.Doc, its awareness and its connections.
 *
 * Every update of the doc (from a connection or made on the server) goes
 * through one promise queue per room: append to the store, then broadcast.
 * So nothing leaves the server before it is durable, and order is kept.
 * Updates that arrive while a save is in flight are stored together.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Logger } from '../log'
import type { DocRef, DocStore, StoredDoc } from '../storage/Storage'
import { encodeAwarenessMessage, encodeUpdateMessage } from './encode'
import { LOAD_ORIGIN, SERVER_ORIGIN } from './origins'

/** y-protocols renews a live client's awareness every 15 s; twice that means its socket is gone. */
const STALE_AWARENESS_MS = 30_000

/** What a Room needs from a connection. */
export interface RoomConnection {
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

export interface RoomOptions {
  /** Compact when this many updates are logged after the snapshot. */
  compactAfter: number
  /** Retry delay after a failed save. */
  retryMs: number
  log: Logger
  /** Called after each stored update (debounce on the receiving side). */
  onChange?: (room: Room) => void
}

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Each connection with the awareness client ids it controls. */
  private readonly conns = new Map<RoomConnection, Set<number>>()
  /** When each awareness client id was last set or renewed by its connection. */
  private readonly awarenessSeen = new Map<number, number>()
  private queue: Promise<void> = Promise.resolve()
  /** Updates applied to the doc but not stored yet, in order. */
  private batch: { update: Uint8Array; message: Uint8Array; origin: unknown }[] = []
  /** References of the logged updates the doc holds (loaded or appended here): what a compaction replaces (S5). */
  private refs: DocRef[]
  /** A save failed: the doc holds changes the store does not have yet. */
  private dirty = false
  private retryTimer: NodeJS.Timeout | null = null
  private destroyed = false
  /** How many updates the doc has seen since it was loaded (not counting the load). */
  private updates = 0

  static async load(name: string, store: DocStore, opts: RoomOptions): Promise<Room> {
    return new Room(name, store, await store.load(name), opts)
  }

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    stored: StoredDoc,
    private readonly opts: RoomOptions,
  ) {
    this.refs = [...stored.refs]
    this.awareness.setLocalState(null)
    this.doc.transact(() => {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(this.doc, update, LOAD_ORIGIN)
        } catch (err) {
          opts.log.error({ err, room: name }, 'skipping a stored update that does not decode')
        }
      }
    }, LOAD_ORIGIN)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (this.refs.length >= opts.compactAfter) void this.compact()
  }

  get connectionCount(): number {
    return this.conns.size
  }

  /** How many updates the doc has seen since it was loaded: tells whether a task changed it. */
  get updateCount(): number {
    return this.updates
  }

  /** Whether the doc holds changes that are not stored yet. */
  get unsaved(): boolean {
    return this.dirty
  }

  /**
   * Runs `task` once every update the doc holds so far is stored and
   * broadcast, e.g. to answer a sync step 1 with durable state only (S1).
   */
  afterStored<T>(task: () => T | Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.storeBatch()
      return task()
    })
  }

  /** Runs `task` after every task queued so far (serialised per room). */
  enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task)
    this.queue = run.then(
      () => undefined,
      (err: unknown) => this.opts.log.error({ err, room: this.name }, 'room task failed'),
    )
    return run
  }

  /** Resolves once every update made so far is stored (or its save failed and was logged). */
  whenSaved(): Promise<void> {
    return this.afterStored(() => undefined)
  }

  /**
   * Changes the doc on the server's behalf (e.g. from the API); stored and
   * broadcast like any update. `origin` may name who asked (an object whose
   * `origin` is 'server'), for hooks that record it.
   */
  transact<T>(fn: (doc: Y.Doc) => T, origin: { readonly origin: 'server' } = SERVER_ORIGIN): T {
    let result: T | undefined
    this.doc.transact(() => {
      result = fn(this.doc)
    }, origin)
    return result as T
  }

  /**
   * Whether awareness client `id` is the server's own or belongs to a
   * connection other than `conn` that renewed it lately (P20). A state left
   * silent longer than STALE_AWARENESS_MS (a dropped socket not reaped yet)
   * may be taken over, so that a client reconnecting keeps its presence.
   */
  isForeignAwareness(id: number, conn: RoomConnection): boolean {
    if (id === this.awareness.clientID) return true
    for (const [other, ids] of this.conns) {
      if (other !== conn && ids.has(id)) return Date.now() - (this.awarenessSeen.get(id) ?? 0) < STALE_AWARENESS_MS
    }
    return false
  }

  addConnection(conn: RoomConnection): void {
    this.conns.set(conn, new Set())
  }

  removeConnection(conn: RoomConnection): void {
    const controlled = this.conns.get(conn)
    if (!controlled) return
    this.conns.delete(conn)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null)
  }

  closeAll(code: number, reason: string): void {
    this.closeWhere(() => true, code, reason)
  }

  /** Closes the connections `pick` selects (e.g. those of a revoked invite); returns how many. */
  closeWhere(pick: (conn: RoomConnection) => boolean, code: number, reason: string): number {
    const picked = [...this.conns.keys()].filter(pick)
    for (const conn of picked) conn.close(code, reason)
    return picked.length
  }

  broadcast(message: Uint8Array, except: unknown = null): void {
    for (const conn of this.conns.keys()) if (conn !== except) conn.send(message)
  }

  /** Merges the doc into one snapshot and drops the stored log up to it (queued). */
  compact(): Promise<void> {
    return this.afterStored(() => this.compactNow())
  }

  /** Stops timers and frees the doc; call after the last compact. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return
    this.updates++
    this.batch.push({ update, message: encodeUpdateMessage(update), origin })
    if (this.batch.length === 1) void this.enqueue(() => this.storeBatch())
  }

  /**
   * Stores every update not stored yet as one merged log entry (one fsync for
   * a burst: group commit), then broadcasts each to all but its origin.
   */
  private async storeBatch(): Promise<void> {
    const batch = this.batch
    this.batch = []
    if (batch.length === 0 || this.destroyed) return
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update))
    try {
      this.refs.push(await this.store.appendUpdate(this.name, update))
    } catch (err) {
      this.saveFailed(err)
    }
    for (const { message, origin } of batch) this.broadcast(message, origin)
    this.opts.onChange?.(this)
    if (this.refs.length >= this.opts.compactAfter) await this.compactNow()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.conns.get(origin as RoomConnection)
    if (controlled) {
      for (const id of [...added, ...updated]) {
        // Renewed or taken over by this connection: no other one owns it now (P20).
        for (const [other, ids] of this.conns) if (other !== origin) ids.delete(id)
        controlled.add(id)
        this.awarenessSeen.set(id, Date.now())
      }
      for (const id of removed) {
        controlled.delete(id)
        this.awarenessSeen.delete(id)
      }
    }
    this.broadcast(encodeAwarenessMessage(this.awareness, [...added, ...updated, ...removed]))
  }

  private async compactNow(): Promise<void> {
    if (this.destroyed || (this.refs.length === 0 && !this.dirty)) return
    // Only what this doc holds is replaced: updates another instance appended meanwhile stay logged.
    const refs = this.refs
    try {
      await this.store.compact(this.name, Y.encodeStateAsUpdate(this.doc), refs)
      this.refs = this.refs.slice(refs.length)
      this.dirty = false
    } catch (err) {
      this.saveFailed(err)
    }
  }

  private saveFailed(err: unknown): void {
    this.dirty = true
    this.opts.log.error({ err, room: this.name }, 'saving the room failed; keeping it in memory and retrying')
    if (this.retryTimer || this.destroyed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.compact()
    }, this.opts.retryMs)
    this.retryTimer.unref()
  }
}
