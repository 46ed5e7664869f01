/**
 * The layout of a session's Y.Doc and the few mutations both sides make on it.
 *
 *   array "tldraw"       YKeyValue of tldraw records, keyed by record id
 *                        (document scope only: no camera, instance, presence)
 *   map   "session"      SessionInfo fields (title, themagroep, deelnemers, …)
 *   map   "facilitation" phase, timer, vote budget
 */
import { getIndexAbove } from '@tldraw/utils'
import * as Y from 'yjs'
import { propsOf, readBoard, type RecordLike } from './boardModel'
import {
  documentRecord,
  frameRecord,
  NOTE_SIZE,
  noteRecord,
  PAGE_ID,
  pageRecord,
  SHEET_GAP,
  SHEET_PADDING,
} from './records'
import { chooseSheet, freeCells, type Box } from './placement'
import type { SessionInfo } from './session'
import { allRecords, recordsOf, Y_SESSION, type StoredRecord } from './ydocRecords'
import type { Author, StickyMeta } from './sticky'
import type { Tag } from './tags'

// The roots and the record store live in ydocRecords.ts (small, for the phone page); re-exported here.
export { allRecords, readSessionInfo, recordsOf, Y_FACILITATION, Y_RECORDS, Y_SESSION, type StoredRecord } from './ydocRecords'

export function writeSessionInfo(doc: Y.Doc, info: Partial<SessionInfo>): void {
  const map = doc.getMap(Y_SESSION)
  doc.transact(() => {
    for (const [key, value] of Object.entries(info)) {
      if (value === undefined) map.delete(key)
      else map.set(key, value)
    }
  })
}

const SHEET_COLUMNS = 4
const SHEET_ROWS = 3
export const SHEET_WIDTH = SHEET_PADDING * 2 + SHEET_COLUMNS * NOTE_SIZE + (SHEET_COLUMNS - 1) * 20
export const SHEET_HEIGHT = SHEET_PADDING * 2 + SHEET_ROWS * NOTE_SIZE + (SHEET_ROWS - 1) * 20

function randomId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 16)
}

export function newShapeId(): string {
  return `shape:${randomId()}`
}

function topIndex(records: Iterable<StoredRecord>, parentId: string): string | null {
  let top: string | null = null
  for (const r of records) {
    if (r.typeName === 'shape' && r.parentId === parentId && typeof r.index === 'string') {
      if (top === null || r.index > top) top = r.index
    }
  }
  return top
}

/**
 * Writes the document, page and one frame per sheet name into an empty doc,
 * sheets laid out left to right. Does nothing to records that already exist.
 */
export function seedBoard(doc: Y.Doc, sheetNames: readonly string[]): void {
  const kv = recordsOf(doc)
  doc.transact(() => {
    if (!kv.has(documentRecord().id)) kv.set(documentRecord().id, documentRecord())
    if (!kv.has(PAGE_ID)) kv.set(PAGE_ID, pageRecord())
    let index: string | null = topIndex(allRecords(doc), PAGE_ID)
    sheetNames.forEach((name, i) => {
      index = getIndexAbove(index as never)
      const frame = frameRecord({
        id: newShapeId(),
        name,
        x: i * (SHEET_WIDTH + SHEET_GAP),
        y: 0,
        w: SHEET_WIDTH,
        h: SHEET_HEIGHT,
        index,
      })
      kv.set(frame.id, frame)
    })
  })
}

/** The shapes inside a frame as boxes in the frame's coordinates (notes grow with their text). */
function childBoxes(doc: Y.Doc, frameId: string): Box[] {
  const boxes: Box[] = []
  for (const c of recordsOf(doc).map.values()) {
    const r = c.val
    if (r.typeName !== 'shape' || r.parentId !== frameId) continue
    const props = propsOf(r)
    const scale = Number(props.scale ?? 1) || 1
    const w = r.type === 'note' ? NOTE_SIZE * scale : Number(props.w ?? NOTE_SIZE)
    const h = r.type === 'note' ? (NOTE_SIZE + Number(props.growY ?? 0)) * scale : Number(props.h ?? NOTE_SIZE)
    boxes.push({ x: Number(r.x ?? 0), y: Number(r.y ?? 0), w, h })
  }
  return boxes
}

/** The first `count` free grid cells of a frame (F20), growing the frame when it is full. */
function placeInSheet(doc: Y.Doc, frame: StoredRecord, count = 1): { x: number; y: number }[] {
  const kv = recordsOf(doc)
  const w = Number(propsOf(frame).w ?? SHEET_WIDTH)
  const h = Number(propsOf(frame).h ?? SHEET_HEIGHT)
  const { cells, height } = freeCells({ w, h }, childBoxes(doc, frame.id), count)
  if (height > h) kv.set(frame.id, { ...frame, props: { ...propsOf(frame), h: height } })
  return cells
}

/**
 * The sheet a sticky without an explicit sheet goes to (F20): the author's
 * last used (the sheet of their newest sticky), else the first sheet; null
 * only on a board without sheets.
 */
export function defaultSheetFor(doc: Y.Doc, authorId: string | undefined): string | null {
  const board = readBoard(allRecords(doc))
  let lastUsed: string | null = null
  if (authorId) {
    let newest = ''
    for (const s of board.stickies) {
      if (s.meta.author?.id === authorId && s.sheetId && (s.meta.createdAt ?? '') >= newest) {
        newest = s.meta.createdAt ?? ''
        lastUsed = s.sheetId
      }
    }
  }
  return chooseSheet({ sheets: board.sheets, lastUsed })
}

/** Below everything on the page, left-aligned: room for stickies outside any sheet. */
function placeOnPage(doc: Y.Doc): { x: number; y: number } {
  const board = readBoard(allRecords(doc))
  const loose = board.stickies.filter((s) => s.sheetId === null)
  const sheetsBottom = Math.max(0, ...board.sheets.map((s) => s.y + s.h))
  // Loose stickies form a row below the sheets; start a new row every 8.
  const row = Math.floor(loose.length / 8)
  const col = loose.length % 8
  return { x: col * (NOTE_SIZE + 20), y: sheetsBottom + SHEET_GAP + row * (NOTE_SIZE + 20) }
}

export interface AddStickyInput {
  text: string
  tag: Tag
  /** Sheet title (case-insensitive) or frame id. Unknown titles make a new sheet. */
  sheet?: string
  author?: Author
  extraMeta?: Partial<StickyMeta>
  now?: Date
}

/** Adds a note to the doc in one transaction; returns its id and sheet. */
export function addSticky(doc: Y.Doc, input: AddStickyInput): { id: string; sheetId: string | null } {
  const kv = recordsOf(doc)
  let result: { id: string; sheetId: string | null } = { id: '', sheetId: null }
  doc.transact(() => {
    if (!kv.has(PAGE_ID)) seedBoard(doc, [])
    let frame: StoredRecord | undefined
    if (input.sheet) {
      const wanted = input.sheet.trim().toLowerCase()
      frame = allRecords(doc).find(
        (r) =>
          r.typeName === 'shape' &&
          r.type === 'frame' &&
          (r.id === input.sheet || String(propsOf(r).name ?? '').trim().toLowerCase() === wanted),
      )
      if (!frame) {
        const sheets = readBoard(allRecords(doc)).sheets
        const right = Math.max(-SHEET_GAP, ...sheets.map((s) => s.x + s.w))
        const created = frameRecord({
          id: newShapeId(),
          name: input.sheet.trim(),
          x: right + SHEET_GAP,
          y: 0,
          w: SHEET_WIDTH,
          h: SHEET_HEIGHT,
          index: getIndexAbove(topIndex(allRecords(doc), PAGE_ID) as never),
        })
        kv.set(created.id, created)
        frame = created
      }
    }
    const parentId = frame ? frame.id : PAGE_ID
    const pos = frame ? placeInSheet(doc, frame)[0]! : placeOnPage(doc)
    const meta: StickyMeta = {
      ...input.extraMeta,
      tag: input.tag,
      ...(input.author ? { author: input.author } : {}),
      createdAt: (input.now ?? new Date()).toISOString(),
    }
    const note = noteRecord({
      id: newShapeId(),
      text: input.text,
      meta,
      parentId,
      x: pos.x,
      y: pos.y,
      index: getIndexAbove(topIndex(allRecords(doc), parentId) as never),
    })
    kv.set(note.id, note)
    result = { id: note.id, sheetId: frame ? frame.id : null }
  })
  return result
}

export interface PlacedNote {
  text: string
  tag: Tag
  author?: Author
  createdAt?: string
}

/**
 * Adds several notes to one sheet in one transaction, each in its own free
 * cell (F8, F20: the reveal of private stickies); a missing sheet (or none)
 * puts them into the first sheet. Returns the new ids.
 */
export function addStickiesToSheet(doc: Y.Doc, sheetId: string | null, notes: readonly PlacedNote[]): { id: string; sheetId: string | null }[] {
  const kv = recordsOf(doc)
  const out: { id: string; sheetId: string | null }[] = []
  if (notes.length === 0) return out
  doc.transact(() => {
    if (!kv.has(PAGE_ID)) seedBoard(doc, [])
    const sheets = readBoard(allRecords(doc)).sheets
    const chosen = chooseSheet({ sheets, requested: sheetId })
    const frame = chosen ? kv.get(chosen) : undefined
    const parentId = frame ? frame.id : PAGE_ID
    const cells = frame ? placeInSheet(doc, frame, notes.length) : notes.map((_, i) => ({ x: i * (NOTE_SIZE + 20), y: Math.max(0, ...sheets.map((s) => s.y + s.h)) + SHEET_GAP }))
    let index = topIndex(allRecords(doc), parentId)
    notes.forEach((n, i) => {
      index = getIndexAbove(index as never)
      const meta: StickyMeta = { tag: n.tag, ...(n.author ? { author: n.author } : {}), createdAt: n.createdAt ?? new Date().toISOString() }
      const note = noteRecord({ id: newShapeId(), text: n.text, meta, parentId, x: cells[i]!.x, y: cells[i]!.y, index })
      kv.set(note.id, note)
      out.push({ id: note.id, sheetId: frame ? frame.id : null })
    })
  })
  return out
}
