/**
 * Where a board opens (SPEC M11): zoomed to fit every sheet, but never below
 * a zoom at which a sticky's text is still readable; when the sheets do not
 * fit at that zoom, the first sheet in reading order; when even that one
 * does not fit, its top at the readable zoom. Never closer than 100 %. On a
 * phone, the first sheet. Pure, so the rule is unit-tested.
 */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface InitialView {
  /** Page point at the centre of the viewport. */
  cx: number
  cy: number
  /** Zoom level (1 = 100 %). */
  z: number
}

/** Below this zoom a sticky's text (size "s", 18 px) is smaller than 9 px on screen. */
export const MIN_READABLE_ZOOM = 0.5
export const PHONE_WIDTH = 700
const INSET = 24

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y }
}

function fit(rect: Rect, viewport: { w: number; h: number }): number {
  return Math.min((viewport.w - 2 * INSET) / Math.max(rect.w, 1), (viewport.h - 2 * INSET) / Math.max(rect.h, 1))
}

const centred = (rect: Rect, z: number): InitialView => ({ cx: rect.x + rect.w / 2, cy: rect.y + rect.h / 2, z: Math.min(1, z) })

export function initialView(sheets: readonly Rect[], content: readonly Rect[], viewport: { w: number; h: number }): InitialView | null {
  if (sheets.length === 0) {
    if (content.length === 0) return null
    const all = union(content)
    return centred(all, Math.max(MIN_READABLE_ZOOM, fit(all, viewport)))
  }
  const all = union(sheets)
  const zAll = fit(all, viewport)
  if (zAll >= MIN_READABLE_ZOOM && viewport.w >= PHONE_WIDTH) return centred(all, zAll)
  const first = [...sheets].sort((a, b) => a.y - b.y || a.x - b.x)[0]!
  const zFirst = fit(first, viewport)
  if (zFirst >= MIN_READABLE_ZOOM) return centred(first, zFirst)
  // Too big to fit readably: its top (and its left edge when it is wider than the screen) at the readable zoom.
  const z = MIN_READABLE_ZOOM
  const halfW = viewport.w / (2 * z)
  const halfH = viewport.h / (2 * z)
  const cx = first.w * z + 2 * INSET <= viewport.w ? first.x + first.w / 2 : first.x - INSET / z + halfW
  return { cx, cy: first.y - INSET / z + halfH, z }
}
