/**
 * The live rooms of the server: loads each room once (concurrent opens share
 * one load), compacts a room when it empties, unloads it after an idle delay,
 * and flushes everything on shutdown. With other instances (a bus), an open
 * room takes or renews its lease (K4) at a third of the lease's time to live,
 * and releases it when it unloads.
 */
import { CloseCode } from '../../shared/closeCodes'
import type { Grant } from './Grant'
import { HttpError } from './http/errors'
import type { Logger } from './log'
import type { RoomBus, RoomSubscription } from './RoomBus'
import { Room, type RoomHooks } from './Room'
import type { DocStore } from './storage/DocStore'

/** What the rooms ask of the extensions (server/core/ExtensionHooks.ts runs them in order). */
export interface RoomManagerHooks extends RoomHooks {
  onLoad(room: Room): void
  onUnload(room: Room): Promise<void>
}

/** No extensions: every update accepted as sent. */
export const NO_HOOKS: RoomManagerHooks = {
  filterUpdate: () => 'accept',
  filterAwareness: ({ update }) => update,
  onStore: () => undefined,
  onChange: () => undefined,
  onLoad: () => undefined,
  onUnload: async () => undefined,
}

export interface RoomManagerOptions {
  log: Logger
  /** Unload a room this long after its last connection left. */
  idleUnloadMs?: number
  /** Compact when this many updates are logged after the snapshot. */
  compactAfter?: number
  /** Retry delay after a failed save. */
  retryMs?: number
  /** The extensions' room hooks (onLoad, onStore, onChange, onUnload, filters), run in order. */
  hooks?: RoomManagerHooks
  /** K2–K4, K7: shares rooms with other instances (REDIS_URL); none for a single instance. */
  bus?: RoomBus
}

export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly subscriptions = new Map<Room, RoomSubscription>()
  private readonly exclusives = new Map<string, Promise<void>>()
  /** K4: each open room's lease renewal: its timer and the renewal in flight, if any. */
  private readonly leases = new Map<Room, { timer: NodeJS.Timeout; inFlight: Promise<boolean> | null }>()
  private readonly idleUnloadMs: number
  private readonly compactAfter: number
  private readonly retryMs: number
  private shuttingDown = false
  private readonly hooks: RoomManagerHooks

  constructor(
    private readonly store: DocStore,
    private readonly opts: RoomManagerOptions,
  ) {
    this.idleUnloadMs = opts.idleUnloadMs ?? 30_000
    this.compactAfter = opts.compactAfter ?? 500
    this.retryMs = opts.retryMs ?? 5_000
    this.hooks = opts.hooks ?? NO_HOOKS
  }

  /**
   * Runs `task` for room `name` while no other task of the same `kind` runs
   * for it, on this instance or (with a bus, K7) on any other.
   */
  exclusive<T>(name: string, kind: string, task: () => Promise<T>): Promise<T> {
    const key = `${kind}:${name}`
    const bus = this.opts.bus
    const run = bus ? () => bus.exclusive(key, task) : task
    const previous = this.exclusives.get(key) ?? Promise.resolve()
    const next = previous.then(run, run)
    const settled = next.then(
      () => undefined,
      () => undefined,
    )
    this.exclusives.set(key, settled)
    void settled.then(() => {
      if (this.exclusives.get(key) === settled) this.exclusives.delete(key)
    })
    return next
  }

  /** The loaded room, if any (does not load). */
  get(name: string): Room | undefined {
    return this.rooms.get(name)
  }

  /** Every loaded room (e.g. to close the sockets of a grant that ended, in whatever session). */
  loaded(): IterableIterator<Room> {
    return this.rooms.values()
  }

  get loadedCount(): number {
    return this.rooms.size
  }

  /** The room, loading it from the store on first use. Cancels a pending idle unload. */
  async open(name: string): Promise<Room> {
    if (this.shuttingDown) throw new HttpError(503, 'shutting_down', 'De server stopt; probeer het zo opnieuw (server is shutting down)')
    this.cancelUnload(name)
    const loaded = this.rooms.get(name)
    if (loaded) return loaded
    const inFlight = this.loading.get(name)
    if (inFlight) return inFlight
    const load = this.load(name)
    this.loading.set(name, load)
    try {
      return await load
    } finally {
      this.loading.delete(name)
    }
  }

  /**
   * Opens the room, runs `fn`, waits until its changes are stored; unloads
   * later when nobody is connected. When `fn` changed the doc but the store
   * failed (S9: the room keeps the change in memory and retries), throws a
   * 503: the caller must not answer as if the change were durable (S1).
   */
  async withRoom<T>(name: string, fn: (room: Room) => T): Promise<T> {
    const room = await this.open(name)
    try {
      const updatesBefore = room.updateCount
      const result = fn(room)
      await room.whenSaved()
      if (room.unsaved && room.updateCount !== updatesBefore) {
        throw new HttpError(
          503,
          'storage_unavailable',
          'De wijziging is niet opgeslagen: de opslag faalt. De server bewaart haar in het geheugen en probeert het opnieuw (change not stored yet)',
        )
      }
      return result
    } finally {
      this.release(room, { compact: false })
    }
  }

  /**
   * Call when a room lost a user. When nobody is connected any more, the room
   * is compacted (S5: a connection left; an API call only relies on the
   * compaction at unload) and unloaded once idle.
   */
  release(room: Room, { compact = true }: { compact?: boolean } = {}): void {
    if (this.shuttingDown || room.connectionCount > 0 || this.rooms.get(room.name) !== room) return
    if (compact) void room.compact()
    this.scheduleUnload(room)
  }

  /**
   * Closes the connections whose grant `pick` selects, in room `roomName` or
   * in every loaded room (X8: e.g. those of a revoked invite); returns how many.
   */
  closeGrants(pick: (grant: Grant) => boolean, code: number, reason: string, roomName?: string): number {
    const rooms = roomName === undefined ? [...this.rooms.values()] : [this.rooms.get(roomName)].filter((r) => r !== undefined)
    return rooms.reduce((closed, room) => closed + room.closeWhere((conn) => pick(conn.grant), code, reason), 0)
  }

  /**
   * Drops a room whose document is being deleted (privacy, SPEC G6): closes
   * its connections, waits for what it was storing, and forgets it without
   * storing or compacting it again. The caller deletes its log afterwards.
   */
  async discard(name: string, code: number, reason: string): Promise<void> {
    this.cancelUnload(name)
    const room = this.rooms.get(name) ?? (await this.loading.get(name))
    if (!room) return
    room.closeAll(code, reason)
    await room.whenSaved()
    if (this.rooms.get(name) === room) this.rooms.delete(name)
    room.destroy()
    await this.leaveShared(room)
  }

  /** Closes every connection, stores and compacts every room, and unloads them all. */
  async flushAll(): Promise<void> {
    this.shuttingDown = true
    await Promise.allSettled([...this.loading.values()])
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    for (const room of this.rooms.values()) room.closeAll(CloseCode.ServerShutdown, 'ServerShutdown')
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room, true)))
    await Promise.allSettled([...this.unloading.values()])
  }

  private async load(name: string): Promise<Room> {
    const pendingUnload = this.unloading.get(name)
    if (pendingUnload) await pendingUnload
    const kept = this.rooms.get(name)
    if (kept) return kept
    const bus = this.opts.bus
    // Subscribed before loading: what another instance publishes meanwhile is kept and applied after (K2).
    const subscription = bus ? await bus.join(name) : null
    let room: Room
    try {
      room = await Room.load(name, this.store, {
        compactAfter: this.compactAfter,
        retryMs: this.retryMs,
        log: this.opts.log,
        hooks: this.hooks,
        shared: bus
          ? {
              publishUpdate: (update) => bus.publishUpdate(name, update),
              publishAwareness: (update) => bus.publishAwareness(name, update),
              holdLease: () => bus.holdLease(name),
            }
          : undefined,
      })
    } catch (err) {
      await subscription?.leave()
      throw err
    }
    if (subscription) {
      subscription.attach({ update: (u) => room.applyRemote(u), awareness: (u) => room.applyRemoteAwareness(u) })
      this.subscriptions.set(room, subscription)
    }
    this.hooks.onLoad(room)
    this.rooms.set(name, room)
    if (bus) this.keepLease(room, bus)
    return room
  }

  /**
   * K4: takes the room's lease now and takes or renews it at a third of its
   * time to live for as long as the room is open, so that a quiet room keeps
   * its lease, and another instance takes it over once the holder is gone.
   */
  private keepLease(room: Room, bus: RoomBus): void {
    const lease: { timer: NodeJS.Timeout; inFlight: Promise<boolean> | null } = {
      timer: setInterval(() => hold(), Math.max(50, Math.floor(bus.leaseMs / 3))),
      inFlight: null,
    }
    const hold = () => {
      if (lease.inFlight) return // Redis is slow: one renewal at a time
      const attempt = bus.holdLease(room.name)
      lease.inFlight = attempt
      void attempt.then(() => {
        if (lease.inFlight === attempt) lease.inFlight = null
      })
    }
    lease.timer.unref()
    this.leases.set(room, lease)
    hold()
  }

  /** Stops renewing the room's lease and waits for a renewal in flight (then the lease may be released). */
  private async dropLease(room: Room): Promise<void> {
    const lease = this.leases.get(room)
    if (!lease) return
    clearInterval(lease.timer)
    this.leases.delete(room)
    await lease.inFlight
  }

  /** Stops sharing a room that is gone: no more renewals, then unsubscribe and release its lease. */
  private async leaveShared(room: Room): Promise<void> {
    await this.dropLease(room)
    const subscription = this.subscriptions.get(room)
    this.subscriptions.delete(room)
    await subscription?.leave()
  }

  private cancelUnload(name: string): void {
    const timer = this.timers.get(name)
    if (timer) clearTimeout(timer)
    this.timers.delete(name)
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.name)
    const timer = setTimeout(() => {
      this.timers.delete(room.name)
      void this.unload(room, false)
    }, this.idleUnloadMs)
    timer.unref()
    this.timers.set(room.name, timer)
  }

  private async unload(room: Room, force: boolean): Promise<void> {
    if (!force && room.connectionCount > 0) return
    if (this.rooms.get(room.name) !== room) return
    this.rooms.delete(room.name)
    const done = (async () => {
      await room.compact()
      await this.hooks.onUnload(room)
      if (room.unsaved && !force) {
        // Keep the only copy in memory; the room retries its save.
        this.rooms.set(room.name, room)
        this.scheduleUnload(room)
        return
      }
      if (room.unsaved) this.opts.log.error({ room: room.name }, 'shutting down with unsaved changes in room')
      room.destroy()
      await this.leaveShared(room)
    })()
    this.unloading.set(room.name, done)
    try {
      await done
    } finally {
      this.unloading.delete(room.name)
    }
  }
}
