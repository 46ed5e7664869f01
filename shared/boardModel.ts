/**
 * Reads the tldraw records of a session into the domain: sheets (frames),
 * stickies (notes with a tag) and links (arrows bound at both ends). Pure and
 * deterministic, so the server can build the verslag from the document alone.
 */
import { flattenRichText } from './richText'
import { parseSheetMeta, type SheetHeadingStyle } from './sheet'
import { stickyMetaSchema, type DomainSticky, type StickyMeta } from './sticky'
import { tagOf } from './tags'

/** The subset of a tldraw record that the domain reads. */
export interface RecordLike {
  id: string
  typeName: string
  type?: string
  x?: number
  y?: number
  index?: string
  parentId?: string
  props?: object
  meta?: object
  fromId?: string
  toId?: string
}

/** A record's props as a plain map, for reading fields tldraw's types don't name here. */
export function propsOf(record: RecordLike): Record<string, unknown> {
  return (record.props ?? {}) as Record<string, unknown>
}

export interface DomainSheet {
  id: string
  name: string
  x: number
  y: number
  w: number
  h: number
  /** How the verslag titles this sheet; absent means "opbrengst". */
  headingStyle?: SheetHeadingStyle
}

/** A directed link between two stickies: from → to (start → end of an arrow). */
export interface DomainLink {
  arrowId: string
  fromId: string
  toId: string
}

export interface DomainBoard {
  sheets: DomainSheet[]
  stickies: DomainSticky[]
  links: DomainLink[]
}

/** Reads a note's meta leniently: invalid optional fields are dropped, the tag falls back to opmerking. */
export function parseStickyMeta(meta: unknown): StickyMeta {
  const full = stickyMetaSchema.safeParse(meta)
  if (full.success) return full.data
  const source = meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {}
  const result: Record<string, unknown> = { tag: tagOf(source) }
  for (const [key, field] of Object.entries(stickyMetaSchema.shape)) {
    if (key === 'tag' || !(key in source)) continue
    const parsed = field.safeParse(source[key])
    if (parsed.success && parsed.data !== undefined) result[key] = parsed.data
  }
  return result as StickyMeta
}

/** Reading order: rows top to bottom (a row is half a note high), then left to right, then index. */
export function compareReadingOrder(
  a: { x: number; y: number; index?: string; id: string },
  b: { x: number; y: number; index?: string; id: string },
  rowHeight = 100,
): number {
  const rowA = Math.floor(a.y / rowHeight)
  const rowB = Math.floor(b.y / rowHeight)
  if (rowA !== rowB) return rowA - rowB
  if (a.x !== b.x) return a.x - b.x
  if ((a.index ?? '') !== (b.index ?? '')) return (a.index ?? '') < (b.index ?? '') ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

export function readBoard(records: Iterable<RecordLike>): DomainBoard {
  const shapes = new Map<string, RecordLike>()
  const bindings: RecordLike[] = []
  for (const r of records) {
    if (r.typeName === 'shape') shapes.set(r.id, r)
    else if (r.typeName === 'binding' && r.type === 'arrow') bindings.push(r)
  }

  // Absolute page position: shapes inside a frame are stored relative to it.
  const pagePos = (shape: RecordLike, depth = 0): { x: number; y: number } => {
    const parent = shape.parentId ? shapes.get(shape.parentId) : undefined
    const own = { x: num(shape.x), y: num(shape.y) }
    if (!parent || depth > 20) return own
    const p = pagePos(parent, depth + 1)
    return { x: p.x + own.x, y: p.y + own.y }
  }
  // The sheet of a shape is its nearest frame ancestor.
  const sheetOf = (shape: RecordLike): string | null => {
    let parent = shape.parentId ? shapes.get(shape.parentId) : undefined
    for (let depth = 0; parent && depth < 20; depth++) {
      if (parent.type === 'frame') return parent.id
      parent = parent.parentId ? shapes.get(parent.parentId) : undefined
    }
    return null
  }

  const sheets: DomainSheet[] = []
  const stickies: DomainSticky[] = []
  for (const shape of shapes.values()) {
    if (shape.type === 'frame') {
      const pos = pagePos(shape)
      sheets.push({
        id: shape.id,
        name: typeof propsOf(shape).name === 'string' ? String(propsOf(shape).name) : '',
        x: pos.x,
        y: pos.y,
        w: num(propsOf(shape).w),
        h: num(propsOf(shape).h),
        ...parseSheetMeta(shape.meta),
      })
    } else if (shape.type === 'note') {
      const pos = pagePos(shape)
      const meta = parseStickyMeta(shape.meta)
      stickies.push({
        id: shape.id,
        text: flattenRichText(propsOf(shape).richText),
        tag: meta.tag,
        sheetId: sheetOf(shape),
        x: pos.x,
        y: pos.y,
        meta,
      })
    }
  }

  const ends = new Map<string, { start?: string; end?: string }>()
  for (const b of bindings) {
    if (!b.fromId || !b.toId) continue
    const terminal = propsOf(b).terminal
    if (terminal !== 'start' && terminal !== 'end') continue
    const entry = ends.get(b.fromId) ?? {}
    entry[terminal] = b.toId
    ends.set(b.fromId, entry)
  }
  const stickyIds = new Set(stickies.map((s) => s.id))
  const links: DomainLink[] = []
  for (const [arrowId, { start, end }] of ends) {
    if (!shapes.has(arrowId) || !start || !end || start === end) continue
    if (!stickyIds.has(start) || !stickyIds.has(end)) continue
    links.push({ arrowId, fromId: start, toId: end })
  }

  sheets.sort((a, b) => compareReadingOrder(a, b, 400))
  // The z-index breaks ties within a row and column (V5); it is not part of DomainSticky.
  const keyed = stickies.map((sticky) => {
    const index = shapes.get(sticky.id)?.index
    return { x: sticky.x, y: sticky.y, id: sticky.id, index: typeof index === 'string' ? index : undefined, sticky }
  })
  keyed.sort(compareReadingOrder)
  keyed.forEach((k, i) => (stickies[i] = k.sticky))
  links.sort((a, b) => (a.arrowId < b.arrowId ? -1 : a.arrowId > b.arrowId ? 1 : 0))
  return { sheets, stickies, links }
}
