/**
 * State every instance shares through Redis (K6): the setup tokens, so that
 * a link printed by one instance works on every instance. Keys carry the
 * bus's prefix.
 */
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
