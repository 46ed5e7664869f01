/**
 * S61: a board publishes its presence at most 30 times a second while others
 * are in the room and once a second alone, and always publishes the last
 * change. Driven by a clock of our own, so no test waits.
 */
import { describe, expect, it } from 'vitest'
import { PRESENCE_FPS_ALONE, PRESENCE_FPS_TOGETHER, throttlePresence, type PresenceTimers } from '../../client/sync/presenceRate'

/** A manual clock: `advance` runs the timers that fall due, in order. */
function manualClock() {
  let now = 0
  let nextId = 1
  const pending = new Map<number, { at: number; run: () => void }>()
  const timers: PresenceTimers = {
    setTimeout(run, ms) {
      const id = nextId++
      pending.set(id, { at: now + Math.max(0, ms), run })
      return id
    },
    clearTimeout(handle) {
      pending.delete(handle as number)
    },
    now: () => now,
  }
  const advance = (ms: number) => {
    const end = now + ms
    for (;;) {
      const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0]
      if (!next || next[1].at > end) break
      pending.delete(next[0])
      now = next[1].at
      next[1].run()
    }
    now = end
  }
  return { timers, advance, pendingCount: () => pending.size }
}

/** A cursor moving for `seconds`, one change every 10 ms (100 a second, faster than any screen). */
function move(throttle: { request(): void }, advance: (ms: number) => void, seconds: number) {
  for (let t = 0; t < seconds * 100; t++) {
    throttle.request()
    advance(10)
  }
}

describe('presence rate (S61)', () => {
  it('[S61] with others in the room, a cursor moving for 2 s is published at most 30 times a second, and its last position is published', () => {
    const clock = manualClock()
    const published: number[] = []
    let position = 0
    const throttle = throttlePresence(() => published.push(position), () => false, clock.timers)
    for (let t = 0; t < 200; t++) {
      position = t
      throttle.request()
      clock.advance(10)
    }
    clock.advance(100)
    expect(published.length).toBeLessThanOrEqual(2 * PRESENCE_FPS_TOGETHER + 1)
    // Not starved either: roughly every 33 ms.
    expect(published.length).toBeGreaterThanOrEqual(2 * PRESENCE_FPS_TOGETHER - 2)
    expect(published.at(-1)).toBe(199)
  })

  it('[S61] alone in the room, the same movement is published about once a second', () => {
    const clock = manualClock()
    let count = 0
    const throttle = throttlePresence(() => count++, () => true, clock.timers)
    move(throttle, clock.advance, 2)
    clock.advance(1000)
    expect(count).toBeLessThanOrEqual(2 * PRESENCE_FPS_ALONE + 1)
    expect(count).toBeGreaterThanOrEqual(2)
  })

  it('[S61] never publishes in the caller\'s turn; the first change goes out at once after it', () => {
    const clock = manualClock()
    let count = 0
    const throttle = throttlePresence(() => count++, () => false, clock.timers)
    throttle.request()
    expect(count).toBe(0)
    clock.advance(0)
    expect(count).toBe(1)
  })

  it('[S61] when someone joins, a publish held back for the alone rate is brought forward', () => {
    const clock = manualClock()
    let alone = true
    const published: number[] = []
    const throttle = throttlePresence(() => published.push(clock.timers.now()), () => alone, clock.timers)
    throttle.request()
    clock.advance(0)
    throttle.request() // alone: due a second after the first
    clock.advance(100)
    expect(published).toHaveLength(1)
    alone = false
    throttle.request()
    clock.advance(1)
    expect(published).toHaveLength(2)
    expect(published[1]).toBeLessThan(200)
  })

  it('[S61] dispose drops a pending publish', () => {
    const clock = manualClock()
    let count = 0
    const throttle = throttlePresence(() => count++, () => false, clock.timers)
    throttle.request()
    clock.advance(0)
    throttle.request()
    throttle.dispose()
    clock.advance(1000)
    expect(count).toBe(1)
    expect(clock.pendingCount()).toBe(0)
  })
})
