/**
 * Writes planned sheets and stickies into a Y.Doc as tldraw records, laid out
 * readably (SPEC I8): one frame per sheet, left to right; inside it a grid of
 * notes in reading order, each row as tall as its tallest note, so that no
 * two notes overlap and the board reads back in the same order. Stickies
 * outside any sheet form a grid below the sheets.
 */
import { getIndicesAbove } from '@tldraw/utils'
import type * as Y from 'yjs'
import { documentRecord, frameRecord, NOTE_SIZE, noteRecord, PAGE_ID, pageRecord, SHEET_GAP, SHEET_PADDING } from '../../../shared/records'
import type { SheetMeta } from '../../../shared/sheet'
import type { StickyMeta } from '../../../shared/sticky'
import { recordsOf, Y_RECORDS, type StoredRecord } from '../../../shared/ydoc'

export interface PlannedSticky {
  id: string
  text: string
  meta: StickyMeta
}

export interface PlannedSheet {
  id: string
  name: string
  meta: SheetMeta
  stickies: PlannedSticky[]
}

const COLUMNS = 4
const GAP = 20
/** Rough text metrics of a note at size "s": characters per line and line height. */
const CHARS_PER_LINE = 16
const LINE_HEIGHT = 24
const TEXT_PADDING = 32

/** Extra height a note needs for its text beyond the square (tldraw's growY). */
export function estimateGrowY(text: string): number {
  const lines = text
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0)
  return Math.max(0, lines * LINE_HEIGHT + TEXT_PADDING - NOTE_SIZE)
}

/** Grid positions (relative to the grid's origin) for notes in order, and the grid's height. */
function grid(stickies: PlannedSticky[], columns: number): { positions: { x: number; y: number; growY: number }[]; height: number } {
  const positions: { x: number; y: number; growY: number }[] = []
  let y = 0
  for (let start = 0; start < stickies.length; start += columns) {
    const row = stickies.slice(start, start + columns)
    const growths = row.map((s) => estimateGrowY(s.text))
    row.forEach((_, i) => positions.push({ x: i * (NOTE_SIZE + GAP), y, growY: growths[i]! }))
    y += NOTE_SIZE + Math.max(0, ...growths) + GAP
  }
  return { positions, height: Math.max(0, y - GAP) }
}

export function layoutBoard(doc: Y.Doc, sheets: PlannedSheet[], loose: PlannedSticky[]): void {
  const kv = recordsOf(doc)
  const records: StoredRecord[] = []
  const put = (r: { id: string; props?: object }) => records.push(r as unknown as StoredRecord)
  const sheetWidth = SHEET_PADDING * 2 + COLUMNS * NOTE_SIZE + (COLUMNS - 1) * GAP
  const pageIndices = getIndicesAbove(null, sheets.length + loose.length)
  let bottom = 0
  sheets.forEach((sheet, i) => {
    const { positions, height } = grid(sheet.stickies, COLUMNS)
    const h = SHEET_PADDING * 2 + Math.max(NOTE_SIZE, height)
    bottom = Math.max(bottom, h)
    put(frameRecord({ id: sheet.id, name: sheet.name, x: i * (sheetWidth + SHEET_GAP), y: 0, w: sheetWidth, h, index: pageIndices[i]!, meta: sheet.meta }))
    const indices = getIndicesAbove(null, sheet.stickies.length)
    sheet.stickies.forEach((s, j) => {
      const pos = positions[j]!
      const note = noteRecord({ id: s.id, text: s.text, meta: s.meta, parentId: sheet.id, x: SHEET_PADDING + pos.x, y: SHEET_PADDING + pos.y, index: indices[j]! })
      put({ ...note, props: { ...note.props, growY: pos.growY } })
    })
  })
  const { positions } = grid(loose, 8)
  const top = sheets.length > 0 ? bottom + SHEET_GAP : 0
  loose.forEach((s, j) => {
    const pos = positions[j]!
    const note = noteRecord({ id: s.id, text: s.text, meta: s.meta, parentId: PAGE_ID, x: pos.x, y: top + pos.y, index: pageIndices[sheets.length + j]! })
    put({ ...note, props: { ...note.props, growY: pos.growY } })
  })
  doc.transact(() => {
    if (!kv.has(documentRecord().id)) kv.set(documentRecord().id, documentRecord() as unknown as StoredRecord)
    if (!kv.has(PAGE_ID)) kv.set(PAGE_ID, pageRecord() as unknown as StoredRecord)
    // New records in one push: pushing one by one walks the array each time.
    const fresh = records.filter((r) => !kv.has(r.id))
    for (const r of records) if (kv.has(r.id)) kv.set(r.id, r)
    doc.getArray<{ key: string; val: StoredRecord }>(Y_RECORDS).push(fresh.map((r) => ({ key: r.id, val: r })))
  })
}
