/**
 * What server instances share about live rooms (SPEC K2–K4): the fan-out of
 * document updates and awareness, and a lease per room. One implementation
 * talks to Redis (RedisBus); a single instance has no bus at all.
 */

/** Where a room's messages from other instances go. */
export interface RoomBusHandlers {
  /** A document update another instance stored (durable already). */
  update(update: Uint8Array): void
  /** An awareness update of another instance's connections. */
  awareness(update: Uint8Array): void
}

/**
 * A room's subscription. Messages that arrive before `attach` are kept and
 * handed over by it, so that a room subscribed before it loads from the store
 * misses nothing published meanwhile.
 */
export interface RoomSubscription {
  attach(handlers: RoomBusHandlers): void
  /** Stops the subscription and releases this instance's lease on the room. */
  leave(): Promise<void>
}

export interface RoomBus {
  /** Random per process; messages carry it so that an instance drops its own echoes. */
  readonly instanceId: string
  /** How long a lease lasts unless renewed (K4); an open room renews its lease at a third of it. */
  readonly leaseMs: number
  /** Subscribes to the room's messages (resolves once subscribed). */
  join(room: string): Promise<RoomSubscription>
  /** Sends a stored update to the other instances (K2: only after it is durable). */
  publishUpdate(room: string, update: Uint8Array): void
  publishAwareness(room: string, update: Uint8Array): void
  /**
   * Takes or renews this instance's lease on the room (K4); false when
   * another instance holds it. Never throws: no answer counts as false.
   */
  holdLease(room: string): Promise<boolean>
  /**
   * Runs `task` while no other instance runs a task under the same name
   * (K7), waiting up to `waitMs` for it; rejects when the wait is over.
   */
  exclusive<T>(name: string, task: () => Promise<T>, opts?: { waitMs?: number; ttlMs?: number }): Promise<T>
  close(): Promise<void>
}
