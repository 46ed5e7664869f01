import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  applyTimerCommand,
  clockOffset,
  formatRemaining,
  putFacilitationBodySchema,
  readFacilitation,
  timerRemainingMs,
  writeFacilitation,
} from '../../shared/facilitation'

describe('facilitation state and timer maths', () => {
  it('[F1] [F2] an empty doc reads as voorbereiden with the default budget; written fields read back', () => {
    const doc = new Y.Doc()
    const empty = readFacilitation(doc)
    expect(empty.phase).toBe('voorbereiden')
    expect(empty.voteBudget).toBe(3)
    expect(empty.timer).toBeNull()
    writeFacilitation(doc, { phase: 'stemmen', voteBudget: 5 })
    doc.getMap('facilitation').set('anonymous', 'not a boolean')
    const read = readFacilitation(doc)
    expect(read.phase).toBe('stemmen')
    expect(read.voteBudget).toBe(5)
    expect(read.anonymous).toBe(true)
  })

  it('[F4] start, pause, resume, add a minute and stop on the server clock', () => {
    const started = applyTimerCommand(null, { seconds: 300 }, 1_000)
    expect(started).toEqual({ status: 'running', durationMs: 300_000, startedAt: 1_000, endsAt: 301_000, pausedRemainingMs: null })
    expect(timerRemainingMs(started, 101_000)).toBe(200_000)
    const paused = applyTimerCommand(started, { action: 'pause' }, 101_000)
    expect(paused?.status).toBe('paused')
    expect(timerRemainingMs(paused, 999_999)).toBe(200_000)
    const more = applyTimerCommand(paused, { action: 'addMinute' }, 150_000)
    expect(timerRemainingMs(more, 150_000)).toBe(260_000)
    const resumed = applyTimerCommand(more, { action: 'resume' }, 200_000)
    expect(resumed?.endsAt).toBe(460_000)
    expect(timerRemainingMs(resumed, 460_500)).toBe(0)
    const afterEnd = applyTimerCommand(resumed, { action: 'addMinute' }, 500_000)
    expect(timerRemainingMs(afterEnd, 500_000)).toBe(60_000)
    expect(applyTimerCommand(afterEnd, { action: 'stop' }, 500_000)).toBeNull()
  })

  it('[F5] two clients with different local clocks compute the same remaining time', () => {
    const timer = applyTimerCommand(null, { seconds: 120 }, 10_000_000)
    // Client A runs 37 s ahead, client B 12 s behind; both measure with a 200 ms round trip.
    const serverNow = 10_030_000
    const offsetA = clockOffset(serverNow + 37_000 - 100, serverNow + 37_000 + 100, serverNow)
    const offsetB = clockOffset(serverNow - 12_000 - 100, serverNow - 12_000 + 100, serverNow)
    const localA = serverNow + 37_000
    const localB = serverNow - 12_000
    const a = timerRemainingMs(timer, localA + offsetA)
    const b = timerRemainingMs(timer, localB + offsetB)
    expect(a).toBe(90_000)
    expect(b).toBe(90_000)
    expect(formatRemaining(90_000)).toBe('1:30')
    expect(formatRemaining(400)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
  })

  it('[F2] the PUT body takes only the named fields, at least one', () => {
    expect(putFacilitationBodySchema.safeParse({ phase: 'stemmen', timer: { seconds: 300 } }).success).toBe(true)
    expect(putFacilitationBodySchema.safeParse({ timer: { action: 'addMinute' } }).success).toBe(true)
    expect(putFacilitationBodySchema.safeParse({}).success).toBe(false)
    expect(putFacilitationBodySchema.safeParse({ phase: 'slapen' }).success).toBe(false)
    expect(putFacilitationBodySchema.safeParse({ timer: { seconds: 300, action: 'stop' } }).success).toBe(false)
    expect(putFacilitationBodySchema.safeParse({ privateCounts: {} }).success).toBe(false)
  })
})
