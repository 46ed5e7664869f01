/**
 * Where new stickies go (SPEC F20): one pure function for the board, the
 * server's API route and the reveal of private stickies. A sheet is a grid
 * of NOTE_SIZE cells with a gap; a new sticky takes the first cell (reading
 * order) that nothing in the sheet overlaps; a full sheet grows downwards.
 */
import { NOTE_SIZE, SHEET_PADDING } from './records'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export const CELL_GAP = 20
export const CELL = NOTE_SIZE + CELL_GAP
/** Grid slots looked at before giving up (a sheet of 4 columns then has 2,500 rows). */
const MAX_SLOTS = 10_000

const cellRange = (c: number, size: number, limit: number): [number, number] => [
  Math.max(0, Math.floor((c - NOTE_SIZE - SHEET_PADDING) / CELL) + 1),
  Math.min(limit - 1, Math.ceil((c + size - SHEET_PADDING) / CELL) - 1),
]

/**
 * The first `count` free cells of a sheet, as top-left corners in the
 * sheet's own coordinates, and the height the sheet needs to hold them
 * (never less than its current height). `children` are the sheet's shapes
 * in sheet coordinates. Each child is looked at once (a full sheet stays
 * linear, not quadratic).
 */
export function freeCells(
  sheet: { w: number; h: number },
  children: readonly Box[],
  count = 1,
): { cells: { x: number; y: number }[]; height: number } {
  const columns = Math.max(1, Math.floor((sheet.w - SHEET_PADDING * 2 + CELL_GAP) / CELL))
  const rows = Math.ceil(MAX_SLOTS / columns)
  const occupied = new Uint8Array(MAX_SLOTS)
  for (const child of children) {
    const [colFrom, colTo] = cellRange(child.x, Math.max(1, child.w), columns)
    const [rowFrom, rowTo] = cellRange(child.y, Math.max(1, child.h), rows)
    for (let row = rowFrom; row <= rowTo; row++) {
      for (let col = colFrom; col <= colTo; col++) {
        const slot = row * columns + col
        if (slot < MAX_SLOTS) occupied[slot] = 1
      }
    }
  }
  const cells: { x: number; y: number }[] = []
  let height = sheet.h
  for (let slot = 0; slot < MAX_SLOTS && cells.length < count; slot++) {
    if (occupied[slot]) continue
    const x = SHEET_PADDING + (slot % columns) * CELL
    const y = SHEET_PADDING + Math.floor(slot / columns) * CELL
    cells.push({ x, y })
    height = Math.max(height, y + NOTE_SIZE + SHEET_PADDING)
  }
  // Only a sheet holding 10,000 stickies gets here: stack the rest below it.
  while (cells.length < count) {
    const y = height - SHEET_PADDING + CELL_GAP
    cells.push({ x: SHEET_PADDING, y })
    height = y + NOTE_SIZE + SHEET_PADDING
  }
  return { cells, height }
}

export interface SheetChoice {
  /** Sheets in page coordinates. */
  sheets: readonly (Box & { id: string })[]
  /** The sheet asked for explicitly (id), if any. */
  requested?: string | null
  /** The visible part of the page (board), if known. */
  viewport?: Box | null
  /** The sheet the author used last (e.g. of their newest sticky). */
  lastUsed?: string | null
}

const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y))

/**
 * Which sheet a new sticky goes into: the one asked for; else the author's
 * last used while it is in view (so that a run of stickies stays together);
 * else the one under the viewport's centre, else the one most in view; else
 * the author's last used; else the first (leftmost, then topmost). Null only
 * without sheets.
 */
export function chooseSheet(choice: SheetChoice): string | null {
  const { sheets, requested, viewport, lastUsed } = choice
  if (requested && sheets.some((s) => s.id === requested)) return requested
  if (viewport) {
    const last = lastUsed ? sheets.find((s) => s.id === lastUsed) : undefined
    if (last && overlapArea(last, viewport) > 0) return last.id
    const cx = viewport.x + viewport.w / 2
    const cy = viewport.y + viewport.h / 2
    const under = [...sheets].reverse().find((s) => cx >= s.x && cx <= s.x + s.w && cy >= s.y && cy <= s.y + s.h)
    if (under) return under.id
    let best: { id: string; area: number } | null = null
    for (const s of sheets) {
      const area = overlapArea(s, viewport)
      if (area > 0 && (!best || area > best.area)) best = { id: s.id, area }
    }
    if (best) return best.id
  }
  if (lastUsed && sheets.some((s) => s.id === lastUsed)) return lastUsed
  const first = [...sheets].sort((a, b) => a.x - b.x || a.y - b.y)[0]
  return first ? first.id : null
}
