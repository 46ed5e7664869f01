/**
 * The RoomBus on Redis (ioredis): one channel per room for document updates
 * and awareness (K2, K3), a lease key per room (K4) and locks (K7). A message is
 * `[kind][instance id, 16 bytes][payload]`; an instance drops the messages
 * that carry its own id (its echoes).
 */
import crypto from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../core/log'
import type { RoomBus, RoomBusHandlers, RoomSubscription } from '../core/RoomBus'

const enum Kind {
  Update = 0,
  Awareness = 1,
}

const ID_BYTES = 16

/** Takes the lease when free, renews it when ours: 1; 0 when another instance holds it. */
const HOLD_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`
/** Deletes the lease only when ours. */
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

export interface RedisBusOptions {
  url: string
  log: Logger
  /** Prefix of every key and channel (tests: one per run). Default "bp:". */
  prefix?: string
  /** Lease time to live (ROOM_LEASE_MS); the rooms renew it while open (K4). Default 60 s. */
  leaseMs?: number
}

class Subscription implements RoomSubscription {
  private handlers: RoomBusHandlers | null = null
  private early: { kind: Kind; payload: Uint8Array }[] = []

  constructor(private readonly onLeave: () => Promise<void>) {}

  deliver(kind: Kind, payload: Uint8Array): void {
    if (!this.handlers) {
      this.early.push({ kind, payload })
      return
    }
    if (kind === Kind.Update) this.handlers.update(payload)
    else this.handlers.awareness(payload)
  }

  attach(handlers: RoomBusHandlers): void {
    this.handlers = handlers
    const early = this.early
    this.early = []
    for (const { kind, payload } of early) this.deliver(kind, payload)
  }

  leave(): Promise<void> {
    this.handlers = null
    this.early = []
    return this.onLeave()
  }
}

export class RedisBus implements RoomBus {
  readonly instanceId = crypto.randomBytes(ID_BYTES).toString('hex')
  private readonly idBytes = Buffer.from(this.instanceId, 'hex')
  private readonly prefix: string
  readonly leaseMs: number
  private readonly subscriptions = new Map<string, Subscription>()
  private started = false

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly opts: RedisBusOptions,
  ) {
    this.prefix = opts.prefix ?? 'bp:'
    this.leaseMs = opts.leaseMs ?? 60_000
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message))
  }

  /** Connects both connections; rejects when Redis cannot be reached (the start stops). */
  static async connect(opts: RedisBusOptions): Promise<RedisBus> {
    let bus: RedisBus | null = null
    const make = () =>
      new Redis(opts.url, {
        lazyConnect: true,
        // At start one failure is final; later, reconnect (and resubscribe) with a capped backoff.
        retryStrategy: (times) => (bus?.started ? Math.min(times * 100, 2_000) : null),
        maxRetriesPerRequest: 3,
      })
    const pub = make()
    const sub = make()
    let firstError: Error | null = null
    for (const [name, conn] of [['publisher', pub], ['subscriber', sub]] as const) {
      conn.on('error', (err: Error) => {
        firstError ??= err
        if (bus?.started) opts.log.warn({ err: err.message, connection: name }, 'redis connection error')
      })
    }
    bus = new RedisBus(pub, sub, opts)
    try {
      await Promise.all([pub.connect(), sub.connect()])
    } catch (err) {
      pub.disconnect()
      sub.disconnect()
      // ioredis rejects with "Connection is closed."; the reason is the error it emitted.
      throw firstError ?? err
    }
    bus.started = true
    return bus
  }

  /** A plain command connection for other shared state (rate limits, setup token). */
  get redis(): Redis {
    return this.pub
  }

  key(name: string): string {
    return `${this.prefix}${name}`
  }

  private channel(room: string): string {
    return this.key(`room:${room}`)
  }

  async join(room: string): Promise<RoomSubscription> {
    const channel = this.channel(room)
    const subscription = new Subscription(async () => {
      if (this.subscriptions.get(channel) !== subscription) return
      this.subscriptions.delete(channel)
      await Promise.all([
        this.sub.unsubscribe(channel).catch(() => undefined),
        this.pub.eval(RELEASE_LEASE, 1, this.key(`lease:${room}`), this.instanceId).catch(() => undefined),
      ])
    })
    this.subscriptions.set(channel, subscription)
    await this.sub.subscribe(channel)
    return subscription
  }

  publishUpdate(room: string, update: Uint8Array): void {
    this.publish(room, Kind.Update, update)
  }

  publishAwareness(room: string, update: Uint8Array): void {
    this.publish(room, Kind.Awareness, update)
  }

  async holdLease(room: string): Promise<boolean> {
    try {
      const held = await this.pub.eval(HOLD_LEASE, 1, this.key(`lease:${room}`), this.instanceId, String(this.leaseMs))
      return held === 1
    } catch (err) {
      this.opts.log.warn({ err, room }, 'could not take the room lease')
      return false
    }
  }

  async exclusive<T>(name: string, task: () => Promise<T>, { waitMs = 15_000, ttlMs = 30_000 } = {}): Promise<T> {
    const key = this.key(`lock:${name}`)
    const owner = `${this.instanceId}:${crypto.randomBytes(8).toString('hex')}`
    const deadline = Date.now() + waitMs
    while ((await this.pub.set(key, owner, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error(`lock ${name} is busy`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    try {
      return await task()
    } finally {
      await this.pub.eval(RELEASE_LEASE, 1, key, owner).catch(() => undefined)
    }
  }

  async close(): Promise<void> {
    this.started = false
    this.subscriptions.clear()
    await Promise.allSettled([this.sub.quit(), this.pub.quit()])
  }

  private publish(room: string, kind: Kind, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.from([kind]), this.idBytes, payload])
    this.pub.publish(this.channel(room), message).catch((err: unknown) => {
      this.opts.log.warn({ err, room }, 'could not publish to the other instances')
    })
  }

  private onMessage(channel: string, message: Buffer): void {
    if (message.length < 1 + ID_BYTES) return
    if (message.subarray(1, 1 + ID_BYTES).equals(this.idBytes)) return // our own echo
    const kind = message[0] === Kind.Awareness ? Kind.Awareness : Kind.Update
    const payload = new Uint8Array(message.subarray(1 + ID_BYTES))
    this.subscriptions.get(channel)?.deliver(kind, payload)
  }
}
