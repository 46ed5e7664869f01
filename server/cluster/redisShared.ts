/**
 * State every instance shares through Redis: the setup tokens (K6), so that
 * a link printed by one instance works on every instance, and the counts of
 * failed attempts (K8), so that N instances give the budget of one. Keys
 * carry the bus's prefix.
 */
import type { AttemptBudgetKey, AttemptCounter } from '../access/attemptLimits'
import { MemoryAttemptCounter } from '../access/attemptLimits'
import type { SetupTokens } from '../access/SetupTokens'
import type { Logger } from '../core/log'
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

/**
 * All or nothing over KEYS (ARGV[1] = window in ms, ARGV[1 + i] = the limit
 * of KEYS[i]): the longest wait of a spent key, or 0 after counting each key
 * once; a key's window (its time to live) starts with its first count.
 */
const TAKE = `
local wait = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('PEXPIRE', key, ARGV[1])
      ttl = tonumber(ARGV[1])
    end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 or redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0
`

const GIVE_BACK = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0
`

/**
 * K8: failed-attempt counts in Redis, one key per budget with the window as
 * its time to live. When Redis does not answer, the counts of this process
 * stand in (each instance then limits on its own) rather than letting every
 * attempt through or refusing every login.
 */
export class RedisAttemptCounter implements AttemptCounter {
  private readonly fallback = new MemoryAttemptCounter()

  constructor(
    private readonly bus: RedisBus,
    private readonly log: Logger,
  ) {}

  private key(key: string): string {
    return this.bus.key(`attempts:${key}`)
  }

  async take(keys: readonly AttemptBudgetKey[], windowMs: number): Promise<number> {
    try {
      const wait = await this.bus.redis.eval(TAKE, keys.length, ...keys.map((k) => this.key(k.key)), String(windowMs), ...keys.map((k) => String(k.limit)))
      return Number(wait)
    } catch (err) {
      this.log.warn({ err }, 'could not count an attempt in Redis; counting in this instance')
      return this.fallback.takeNow(keys, windowMs)
    }
  }

  async giveBack(key: string): Promise<void> {
    await this.fallback.giveBack(key)
    await this.bus.redis.eval(GIVE_BACK, 1, this.key(key)).catch((err: unknown) => this.log.warn({ err }, 'could not give an attempt back in Redis'))
  }

  async clear(key: string): Promise<void> {
    await this.fallback.clear(key)
    await this.bus.redis.del(this.key(key)).catch((err: unknown) => this.log.warn({ err }, 'could not clear an attempt count in Redis'))
  }
}
