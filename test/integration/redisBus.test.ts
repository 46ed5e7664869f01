/** The RoomBus on a real Redis (SPEC K2–K4), with a key prefix of its own per test. */
import crypto from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { RedisBus } from '../../server/cluster/RedisBus'
import { RedisAttemptCounter } from '../../server/cluster/redisShared'
import type { RoomSubscription } from '../../server/core/RoomBus'
import { silentLogger } from '../../server/core/log'
import { TEST_REDIS_URL } from '../helpers/cluster'
import { waitFor } from '../helpers/waitFor'

const buses: RedisBus[] = []
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close()
})

async function pair(): Promise<[RedisBus, RedisBus]> {
  const prefix = `bp-test-${crypto.randomBytes(4).toString('hex')}:`
  const a = await RedisBus.connect({ url: TEST_REDIS_URL, log: silentLogger, prefix })
  const b = await RedisBus.connect({ url: TEST_REDIS_URL, log: silentLogger, prefix })
  buses.push(a, b)
  return [a, b]
}

function collect(subscription: RoomSubscription): string[] {
  const seen: string[] = []
  subscription.attach({
    update: (u) => seen.push(`update:${Buffer.from(u).toString()}`),
    awareness: (u) => seen.push(`awareness:${Buffer.from(u).toString()}`),
  })
  return seen
}

describe('RedisBus', () => {
  it('[K2][K3] relays updates and awareness to the other instance and drops its own echoes', async () => {
    const [a, b] = await pair()
    const seenByA = collect(await a.join('room-1'))
    const seenByB = collect(await b.join('room-1'))
    a.publishUpdate('room-1', Buffer.from('from-a'))
    a.publishAwareness('room-1', Buffer.from('cursor-a'))
    b.publishUpdate('room-1', Buffer.from('from-b'))
    // Redis delivers in publish order: had A's echoes come back, they would precede B's update.
    await waitFor(() => seenByA.length === 1 && seenByB.length === 2, 'both sides heard the other')
    expect(seenByA).toEqual(['update:from-b'])
    expect(seenByB).toEqual(['update:from-a', 'awareness:cursor-a'])
    expect(a.instanceId).not.toBe(b.instanceId)
  })

  it('[K2] keeps what arrives between subscribing and attaching, and keeps rooms apart', async () => {
    const [a, b] = await pair()
    const early = await b.join('room-1')
    const other = collect(await b.join('room-2'))
    a.publishUpdate('room-1', Buffer.from('early'))
    a.publishUpdate('room-2', Buffer.from('elsewhere'))
    await waitFor(() => other.length === 1, 'room-2 message')
    const seen = collect(early)
    expect(seen).toEqual(['update:early'])
    expect(other).toEqual(['update:elsewhere'])
  })

  it('[K4] one instance holds a room’s lease; the other gets it once the holder leaves the room', async () => {
    const [a, b] = await pair()
    const subA = await a.join('room-1')
    expect(await a.holdLease('room-1')).toBe(true)
    expect(await b.holdLease('room-1')).toBe(false)
    expect(await a.holdLease('room-1')).toBe(true)
    expect(await b.holdLease('room-2')).toBe(true)
    await subA.leave()
    expect(await b.holdLease('room-1')).toBe(true)
    expect(await a.holdLease('room-1')).toBe(false)
  })

  it('[K8] attempt counts are shared: all or nothing, spent until the window ends, never given back below zero', async () => {
    const [a, b] = await pair()
    const one = new RedisAttemptCounter(a, silentLogger)
    const two = new RedisAttemptCounter(b, silentLogger)
    const windowMs = 1_500
    const address = { key: 'login:address:10.0.0.1', limit: 3 }
    const account = { key: 'login:account:anna', limit: 2 }
    expect(await one.take([address, account], windowMs)).toBe(0)
    expect(await two.take([address, account], windowMs)).toBe(0)
    // The account is spent: nothing is taken, not even from the address.
    const wait = await one.take([address, account], windowMs)
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(windowMs)
    expect(await two.take([address], windowMs)).toBe(0)
    expect(await one.take([address], windowMs)).toBeGreaterThan(0)
    // A success gives its count back; twice too many gives back no more than there was.
    await two.giveBack(address.key)
    expect(await one.take([address], windowMs)).toBe(0)
    await one.clear(account.key)
    expect(await two.take([account], windowMs)).toBe(0)
    for (let i = 0; i < 5; i++) await one.giveBack('login:address:10.0.0.2')
    expect(await one.take([{ key: 'login:address:10.0.0.2', limit: 1 }], windowMs)).toBe(0)
    expect(await two.take([{ key: 'login:address:10.0.0.2', limit: 1 }], windowMs)).toBeGreaterThan(0)
    // The window ends: the address may try again.
    await waitFor(async () => (await two.take([address], windowMs)) === 0, 'the window ends', { timeoutMs: 5_000 })
  })

  it('[K1] refuses to connect to a Redis that does not answer', async () => {
    await expect(RedisBus.connect({ url: 'redis://127.0.0.1:1', log: silentLogger })).rejects.toThrow(/ECONNREFUSED/)
  })
})
