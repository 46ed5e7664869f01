import { describe, expect, it } from 'vitest'
import { initialView, MIN_READABLE_ZOOM, type Rect } from '../../client/board/initialView'

const laptop = { w: 1400, h: 800 }
const phone = { w: 390, h: 700 }
const sheet = (i: number, h = 800): Rect => ({ x: i * 1000, y: 0, w: 920, h })
const inView = (r: Rect, v: { cx: number; cy: number; z: number }, screen: { w: number; h: number }) =>
  r.x >= v.cx - screen.w / (2 * v.z) - 1 && r.x + r.w <= v.cx + screen.w / (2 * v.z) + 1 && r.y >= v.cy - screen.h / (2 * v.z) - 1

describe('the first view of a board', () => {
  it('[M11] two sheets: both in view, zoomed to fit and readable', () => {
    const sheets = [sheet(0), sheet(1)]
    const view = initialView(sheets, [], laptop)!
    expect(view.z).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM)
    for (const s of sheets) expect(inView(s, view, laptop)).toBe(true)
  })

  it('[M11] ten sheets do not fit readably: the first sheet in reading order, fitted', () => {
    const sheets = [5, 3, 0, 9, 1, 2, 4, 6, 7, 8].map((i) => sheet(i))
    const view = initialView(sheets, [], laptop)!
    expect(view.z).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM)
    expect(inView(sheet(0), view, laptop)).toBe(true)
    expect(inView(sheet(1), view, laptop)).toBe(false)
  })

  it('[M11] a first sheet too tall to fit readably opens at its top at the readable zoom; never closer than 100 %', () => {
    const tall = { x: 0, y: 0, w: 920, h: 20_000 }
    const view = initialView([tall, sheet(1)], [], laptop)!
    expect(view.z).toBe(MIN_READABLE_ZOOM)
    expect(view.cy - laptop.h / (2 * view.z)).toBeLessThanOrEqual(tall.y)
    expect(view.cy - laptop.h / (2 * view.z)).toBeGreaterThan(tall.y - 100)
    expect(initialView([{ x: 0, y: 0, w: 200, h: 200 }], [], laptop)!.z).toBe(1)
  })

  it('[M11] on a phone the first sheet; without sheets the content; an empty board stays put', () => {
    const view = initialView([sheet(0), sheet(1)], [], phone)!
    expect(view.z).toBeGreaterThanOrEqual(MIN_READABLE_ZOOM)
    expect(view.cy - phone.h / (2 * view.z)).toBeLessThanOrEqual(0)
    expect(view.cx - phone.w / (2 * view.z)).toBeLessThanOrEqual(0)
    expect(initialView([], [{ x: 10, y: 10, w: 200, h: 200 }], laptop)).toMatchObject({ cx: 110, cy: 110, z: 1 })
    expect(initialView([], [], laptop)).toBeNull()
  })
})
