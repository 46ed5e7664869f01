import { NOTE_SIZE, SHEET_PADDING } from '../../shared/records'

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

const GAP = 20
const STEP = NOTE_SIZE + GAP

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
const distance = (r: Rect, p: { x: number; y: number }) => Math.hypot(r.x + r.w / 2 - p.x, r.y + r.h / 2 - p.y)

/**
 * Where a new sticky goes (page coordinates of its top-left corner), given
 * the viewport centre, the sheet under it (if any), the other notes and the
 * sheets:
 * - inside a sheet: on the sheet's grid (the grid the server uses too), the
 *   first free cell in reading order among those in view, else the free cell
 *   nearest the centre, else (sheet full) the centre clamped into the sheet;
 * - outside: the free spot nearest the centre on a grid around it that
 *   touches neither a note nor a sheet, or the centre itself.
 */
export function stickySpot(input: {
  center: { x: number; y: number }
  /** The visible part of the page. */
  viewport: Rect
  sheet: Rect | null
  notes: readonly Rect[]
  sheets: readonly Rect[]
}): { x: number; y: number } {
  const { center, viewport, sheet, notes, sheets } = input
  const size = NOTE_SIZE
  if (sheet) {
    const columns = Math.max(1, Math.floor((sheet.w - SHEET_PADDING * 2 + GAP) / STEP))
    const rows = Math.max(1, Math.floor((sheet.h - SHEET_PADDING * 2 + GAP) / STEP))
    const cells: Rect[] = []
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < columns; col++) {
        cells.push({ x: sheet.x + SHEET_PADDING + col * STEP, y: sheet.y + SHEET_PADDING + row * STEP, w: size, h: size })
      }
    }
    const free = cells.filter((cell) => !notes.some((n) => overlaps(cell, n)))
    const inView = free.find((cell) => inside(cell, viewport))
    if (inView) return { x: inView.x, y: inView.y }
    const nearest = [...free].sort((a, b) => distance(a, center) - distance(b, center))[0]
    if (nearest) return { x: nearest.x, y: nearest.y }
    return {
      x: Math.min(Math.max(center.x - size / 2, sheet.x), sheet.x + Math.max(0, sheet.w - size)),
      y: Math.min(Math.max(center.y - size / 2, sheet.y), sheet.y + Math.max(0, sheet.h - size)),
    }
  }
  const origin = { x: center.x - size / 2, y: center.y - size / 2 }
  const candidates: Rect[] = []
  for (let ring = 0; ring <= 4; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) candidates.push({ x: origin.x + dx * STEP, y: origin.y + dy * STEP, w: size, h: size })
      }
    }
  }
  const spot = candidates
    .filter((c) => !notes.some((n) => overlaps(c, n)) && !sheets.some((s) => overlaps(c, s)))
    .sort((a, b) => distance(a, center) - distance(b, center))[0]
  return spot ? { x: spot.x, y: spot.y } : origin
}
