/**
 * State every instance shares through Redis (K6): the setup tokens and the
 * counters of the login/setup/join rate limit (P16), so that neither is per
 * process. Keys carry the bus's prefix.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import type { SetupTokens } from '../access/SetupTokens'
import type { RedisBus } from './RedisBus'

const SETUP_TTL_SECONDS = 30 * 24 * 3600

const CLAIM = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then redis.call('DEL', KEYS[1]) return 1 end
return 0
`

export class RedisSetupTokens implements SetupTokens {
  private readonly key: string
  constructor(private readonly bus: RedisBus) {
    this.key = bus.key('setup-tokens')
  }
  async add(hash: string): Promise<void> {
    await this.bus.redis.multi().sadd(this.key, hash).expire(this.key, SETUP_TTL_SECONDS).exec()
  }
  async pending(): Promise<boolean> {
    return (await this.bus.redis.scard(this.key)) > 0
  }
  async claim(hash: string): Promise<boolean> {
    return (await this.bus.redis.eval(CLAIM, 1, this.key, hash)) === 1
  }
}

/** express-rate-limit's store on Redis: one fixed window per key, counted across instances. */
export class RedisRateLimitStore implements Store {
  private windowMs = 15 * 60_000
  readonly localKeys = false
  readonly prefix: string

  constructor(
    private readonly bus: RedisBus,
    name: string,
  ) {
    this.prefix = bus.key(`ratelimit:${name}:`)
  }

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [hits, ttl] = await Promise.all([this.bus.redis.get(this.prefix + key), this.bus.redis.pttl(this.prefix + key)])
    if (hits === null) return undefined
    return { totalHits: Number(hits), resetTime: ttl > 0 ? new Date(Date.now() + ttl) : undefined }
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const k = this.prefix + key
    const result = await this.bus.redis.multi().incr(k).pexpire(k, this.windowMs, 'NX').pttl(k).exec()
    const hits = Number(result?.[0]?.[1] ?? 1)
    const ttl = Number(result?.[2]?.[1] ?? this.windowMs)
    return { totalHits: hits, resetTime: new Date(Date.now() + (ttl > 0 ? ttl : this.windowMs)) }
  }

  async decrement(key: string): Promise<void> {
    const k = this.prefix + key
    // Never below zero: a decrement after the window expired must not start a negative count.
    await this.bus.redis.eval("if redis.call('GET', KEYS[1]) then return redis.call('DECR', KEYS[1]) end return 0", 1, k)
  }

  async resetKey(key: string): Promise<void> {
    await this.bus.redis.del(this.prefix + key)
  }
}
