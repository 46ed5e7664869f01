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
import { encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from './encode'
import type { DecodedUpdate } from './decodedUpdate'
import type { Grant } from './Grant'
import type { Logger } from './log'
import { LOAD_ORIGIN, REMOTE_ORIGIN, SERVER_ORIGIN } from './origins'
import type { DocRef, DocStore, StoredDoc } from './storage/DocStore'

/** y-protocols renews a live client's awareness every 15 s; twice that means its socket is gone. */
const STALE_AWARENESS_MS = 30_000

/** S62: presence changes reach a room's connections at most 30 times a second, merged (a board publishes at that rate too, S61). */
export const AWARENESS_FLUSH_MS = 1000 / 30

/** What a Room needs from a connection. */
export interface RoomConnection {
  readonly grant: Grant
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

/** What `filterUpdate` answers (X4). */
export type UpdateVerdict =
  /** Let the next extension decide; when all accept, the update is applied. */
  | 'accept'
  /** Drop the update silently; the connection stays open. */
  | 'refuse'
  /** Drop the update and close the connection with this named close code (shared/closeCodes.ts). */
  | { close: number; reason: string }

/** A document update a connection sent, decoded, before it is applied (X4). */
export interface UpdatePayload {
  room: Room
  /** The update as received. */
  update: Uint8Array
  /** `Y.decodeUpdate(update)`: inspect with server/core/decodedUpdate.ts. */
  decoded: DecodedUpdate
  /** The sender's grant: its actor and whether it is read-only. */
  grant: Grant
}

/** An awareness update a connection sent, before it is applied (X5). */
export interface AwarenessPayload {
  room: Room
  /** The encoded awareness update (y-protocols/awareness). */
  update: Uint8Array
  grant: Grant
  connection: RoomConnection
}

/** An update of a room that is now durable in the document log (X6). */
export interface StoredPayload {
  room: Room
  /** The stored (merged) update. */
  update: Uint8Array
  /** Its position in the log. */
  seq: number
}

/** What a room asks of the extensions (server/core/ExtensionHooks.ts runs them in order). */
export interface RoomHooks {
  filterUpdate(payload: UpdatePayload): UpdateVerdict
  filterAwareness(payload: AwarenessPayload): Uint8Array
  onStore(payload: StoredPayload): void
  onChange(room: Room): void
}

export interface RoomOptions {
  /** Compact when this many updates are logged after the snapshot. */
  compactAfter: number
  /** Retry delay after a failed save. */
  retryMs: number
  log: Logger
  /** The extensions' hooks: filters of incoming updates, onStore and onChange after each stored update. */
  hooks: RoomHooks
  /** K2–K4: set when other instances serve this room too (REDIS_URL). */
  shared?: SharedRoom
}

/** What a room shares with the other instances (a RoomBus, server/core/RoomBus.ts). */
export interface SharedRoom {
  publishUpdate(update: Uint8Array): void
  publishAwareness(update: Uint8Array): void
  /** Whether this instance holds the room's lease (K4), taking or renewing it. */
  holdLease(): Promise<boolean>
}

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Each connection with the awareness client ids it controls. */
  private readonly conns = new Map<RoomConnection, Set<number>>()
  /** When each awareness client id was last set or renewed by its connection. */
  private readonly awarenessSeen = new Map<number, number>()
  private queue: Promise<void> = Promise.resolve()
  /** The stored batches' completions (broadcast, waiters, hooks), chained in the order of their appends. */
  private completions: Promise<void> = Promise.resolve()
  /** Updates applied to the doc but not stored yet, in order. */
  private batch: { update: Uint8Array; message: Uint8Array; origin: unknown }[] = []
  /** References of the logged updates the doc holds (loaded or appended here): what a compaction replaces (S5). */
  private refs: DocRef[]
  /** Shared rooms: updates stored here or received from other instances since the last compaction. */
  private sinceCompaction = 0
  /** A save failed: the doc holds changes the store does not have yet. */
  private dirty = false
  private retryTimer: NodeJS.Timeout | null = null
  private destroyed = false
  /** How many updates the doc has seen since it was loaded (not counting the load). */
  private updates = 0
  /** How many of those are stored and broadcast (or their save failed and was logged: S9). */
  private handled = 0
  /** The sync step 2 for a client that has nothing yet, while the doc is unchanged (S14). */
  private fullSyncReply: Uint8Array | null = null
  /** The sync step 1 every joining connection is sent, while the doc is unchanged (S14). */
  private syncStep1Message: Uint8Array | null = null
  /** Callbacks waiting until `handled` reaches their mark, in order of their marks. */
  private readonly waiters: { mark: number; run: () => void }[] = []
  /** Estimated bytes of the doc: what was stored at load, plus each update since, reset by compaction (L2). */
  private bytes = 0
  /** S62: awareness clients changed since the last relay, and those of them to publish to other instances (not received from one). */
  private readonly awarenessChanged = new Set<number>()
  private readonly awarenessToPublish = new Set<number>()
  private awarenessTimer: NodeJS.Timeout | null = null
  private lastAwarenessRelay = Number.NEGATIVE_INFINITY

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
    this.sinceCompaction = stored.refs.length
    this.bytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0)
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

  /** Estimated bytes of the doc (L2): an upper bound between compactions. */
  get storedBytes(): number {
    return this.bytes
  }

  /** Whether the doc holds changes that are not stored yet. */
  get unsaved(): boolean {
    return this.dirty
  }

  /**
   * Runs `run` once every update the doc holds now is stored and broadcast
   * (S1), at once when none is pending. Updates that arrive meanwhile do not
   * delay it: capture what to send before calling (a sync step 2 encoded now
   * holds exactly the updates this waits for), so that no reply holds an
   * update before it is stored, however many are in flight. Runs in the turn
   * that stored the last of them, before any later update is broadcast.
   */
  /**
   * The sync step 2 answering `stateVector`: what the doc has that the peer
   * lacks. For a peer that has nothing (an empty state vector: every fresh
   * client), the encoding is made once and reused until the doc changes
   * (S14), so that many clients joining at once cost one encoding.
   */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    if (stateVector.byteLength !== 1 || stateVector[0] !== 0) return encodeSyncStep2(this.doc, stateVector)
    this.fullSyncReply ??= encodeSyncStep2(this.doc, stateVector)
    return this.fullSyncReply
  }

  /** The sync step 1 (the doc's state vector) a joining connection is sent: encoded once per change of the doc (S14). */
  syncStep1(): Uint8Array {
    this.syncStep1Message ??= encodeSyncStep1(this.doc)
    return this.syncStep1Message
  }

  whenStored(run: () => void): void {
    if (this.handled >= this.updates) run()
    else this.waiters.push({ mark: this.updates, run })
  }

  /**
   * Runs `task` after every task queued so far and after storing what is
   * pending then (e.g. compaction). `task` sees the doc as it is when it runs,
   * which may hold updates that arrived meanwhile: to send state to a
   * client, use whenStored.
   */
  afterStored<T>(task: () => T | Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.storeBatch()
      await this.completions
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
   * Applies an update that is durable already — stored by another instance
   * and received over a bus (X15) — and relays it to this room's
   * connections at once, without storing it again. The seam for fan-out
   * between instances: the sending side is the onStore hook.
   */
  applyRemote(update: Uint8Array): void {
    if (this.destroyed) return
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
    } catch (err) {
      this.opts.log.error({ err, room: this.name }, 'dropping an update from another instance that does not decode')
    }
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

  /** The extensions' hooks (filters of incoming frames, see messages.ts). */
  get hooks(): RoomHooks {
    return this.opts.hooks
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

  /**
   * S60: the updates stored together reach each connection that sent none of
   * them as one message of their merged update (a burst of k updates costs
   * every listener one send, not k); a connection that sent some of them
   * gets each of the others as it came, and never its own.
   */
  private broadcastBatch(batch: readonly { message: Uint8Array; origin: unknown }[], merged: Uint8Array): void {
    const only = batch.length === 1 ? batch[0] : undefined
    if (only) {
      this.broadcast(only.message, only.origin)
      return
    }
    const origins = new Set(batch.map((b) => b.origin))
    let mergedMessage: Uint8Array | null = null
    for (const conn of this.conns.keys()) {
      if (!origins.has(conn)) {
        conn.send((mergedMessage ??= encodeUpdateMessage(merged)))
        continue
      }
      for (const { message, origin } of batch) if (origin !== conn) conn.send(message)
    }
  }

  /** Merges the doc into one snapshot and drops the stored log up to it (queued). */
  compact(): Promise<void> {
    return this.afterStored(() => this.compactNow())
  }

  /** Stops timers and frees the doc; call after the last compact. */
  destroy(): void {
    if (this.destroyed) return
    // Presence changes still pending (the last connections leaving) reach the other instances (K3).
    if (this.awarenessTimer) {
      clearTimeout(this.awarenessTimer)
      this.relayAwareness()
    }
    this.destroyed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.doc.off('update', this.onDocUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  /** Applies awareness of another instance's connections (K3). */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
    } catch (err) {
      this.opts.log.error({ err, room: this.name }, 'dropping awareness from another instance that does not decode')
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return
    this.fullSyncReply = null
    this.syncStep1Message = null
    if (origin === REMOTE_ORIGIN) {
      // Durable already (S1 holds): relayed at once. It cannot depend on this room's
      // unstored updates: another instance sees those only once they are stored.
      this.sinceCompaction++
      this.bytes += update.byteLength
      this.broadcast(encodeUpdateMessage(update))
      // K9: the lease holder compacts what other instances write too (they cannot while it holds the lease).
      if (this.sinceCompaction === this.opts.compactAfter) void this.compact()
      return
    }
    this.updates++
    this.bytes += update.byteLength
    this.batch.push({ update, message: encodeUpdateMessage(update), origin })
    // X9: the batch is taken once this turn of the event loop has read every
    // socket that had data, so a burst from several clients is one batch.
    if (this.batch.length === 1) setImmediate(this.scheduleStore)
  }

  private readonly scheduleStore = (): void => {
    void this.enqueue(() => this.storeBatch())
  }

  /**
   * Stores every update not stored yet as one merged log entry (one fsync for
   * a burst: group commit), then broadcasts them (S60: one merged message to
   * every connection that sent none of them). Resolves once the append is
   * made, not once it is durable: the next batch may be appended while this
   * one's sync runs (S59), so a burst that arrives meanwhile does not wait
   * for it. What follows durability runs in `completions`, in the order the
   * appends were made, so broadcasts keep that order (S1).
   */
  private async storeBatch(): Promise<void> {
    const batch = this.batch
    this.batch = []
    if (batch.length === 0 || this.destroyed) return
    const update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update))
    const stored = this.store.appendUpdate(this.name, update).then(
      (seq) => ({ seq }),
      (err: unknown) => ({ err }),
    )
    this.completions = this.completions
      .then(() => stored)
      .then((outcome) => this.completeBatch(batch, update, outcome))
      .catch((err: unknown) => this.opts.log.error({ err, room: this.name }, 'completing a stored batch failed'))
  }

  /** What follows a batch's append: once it is durable, the other instances and the hooks hear of it, and it is broadcast. */
  private async completeBatch(
    batch: readonly { message: Uint8Array; origin: unknown }[],
    update: Uint8Array,
    outcome: { seq: number } | { err: unknown },
  ): Promise<void> {
    if ('seq' in outcome) {
      this.refs.push(outcome.seq)
      this.sinceCompaction++
      // A hook that throws must not hold back the broadcast and the waiters (S1, S9).
      try {
        // K2: other instances hear of it only once it is durable.
        this.opts.shared?.publishUpdate(update)
        this.opts.hooks.onStore({ room: this, update, seq: outcome.seq })
      } catch (err) {
        this.saveFailed(err)
      }
    } else {
      this.saveFailed(outcome.err)
    }
    this.broadcastBatch(batch, update)
    this.handled += batch.length
    while (this.waiters.length > 0 && this.waiters[0]!.mark <= this.handled) this.waiters.shift()!.run()
    this.opts.hooks.onChange(this)
    if ((this.opts.shared ? this.sinceCompaction : this.refs.length) >= this.opts.compactAfter) await this.compactNow()
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
    for (const id of [...added, ...updated, ...removed]) {
      this.awarenessChanged.add(id)
      if (origin !== REMOTE_ORIGIN) this.awarenessToPublish.add(id)
    }
    // S62: relayed at once after a quiet interval, else when the interval since the last relay is over.
    if (!this.awarenessTimer && this.awarenessChanged.size > 0 && !this.destroyed) {
      const wait = Math.max(0, this.lastAwarenessRelay + AWARENESS_FLUSH_MS - performance.now())
      this.awarenessTimer = setTimeout(this.relayAwareness, wait)
      this.awarenessTimer.unref()
    }
  }

  /**
   * S62: one awareness message for every change since the last relay, each
   * client with its latest state (or as removed), to every connection; the
   * local ones also to the other instances (K3).
   */
  private readonly relayAwareness = (): void => {
    this.awarenessTimer = null
    this.lastAwarenessRelay = performance.now()
    const changed = [...this.awarenessChanged]
    const toPublish = [...this.awarenessToPublish]
    this.awarenessChanged.clear()
    this.awarenessToPublish.clear()
    if (changed.length > 0) this.broadcast(encodeAwarenessMessage(this.awareness, changed))
    if (toPublish.length > 0) this.opts.shared?.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, toPublish))
  }

  private async compactNow(): Promise<void> {
    if (this.opts.shared) return this.compactShared(this.opts.shared)
    if (this.destroyed || (this.refs.length === 0 && !this.dirty)) return
    // Only what this doc holds is replaced: updates another instance appended meanwhile stay logged (S5).
    const refs = this.refs
    try {
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      await this.store.compact(this.name, snapshot, refs)
      this.bytes = snapshot.byteLength
      this.refs = this.refs.slice(refs.length)
      this.dirty = false
    } catch (err) {
      this.saveFailed(err)
    }
  }

  /**
   * K4: with other instances on the room, only the lease holder compacts. It
   * reloads the log and merges every update it finds into the snapshot, so
   * it replaces exactly what it merged — also what other instances appended
   * and it has not heard of yet. A failed save is retried as an append of
   * the whole doc (an instance without the lease cannot compact).
   */
  private async compactShared(shared: SharedRoom): Promise<void> {
    if (this.destroyed) return
    if (this.dirty) {
      try {
        const state = Y.encodeStateAsUpdate(this.doc)
        this.refs.push(await this.store.appendUpdate(this.name, state))
        shared.publishUpdate(state)
        this.dirty = false
      } catch (err) {
        this.saveFailed(err)
        return
      }
    }
    if (this.sinceCompaction === 0) return
    this.sinceCompaction = 0
    if (!(await shared.holdLease())) return
    const scratch = new Y.Doc({ gc: true })
    try {
      const stored = await this.store.load(this.name)
      scratch.transact(() => {
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc))
        for (const update of stored.updates) {
          try {
            Y.applyUpdate(scratch, update)
          } catch (err) {
            this.opts.log.error({ err, room: this.name }, 'compaction: skipping a stored update that does not decode')
          }
        }
      })
      const snapshot = Y.encodeStateAsUpdate(scratch)
      await this.store.compact(this.name, snapshot, stored.refs)
      this.bytes = snapshot.byteLength
      this.refs = []
    } catch (err) {
      this.opts.log.error({ err, room: this.name }, 'compaction failed; the log stays as it is')
    } finally {
      scratch.destroy()
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
