/**
 * Builders for the tldraw records that the server (and import) writes without
 * a running editor. Every record produced here validates against
 * `createTLSchema()` from @tldraw/tlschema (see test/unit/records.test.ts).
 */
import type { IndexKey } from '@tldraw/utils'
import type { TLArrowBinding, TLArrowShape, TLDocument, TLFrameShape, TLNoteShape, TLPage } from '@tldraw/tlschema'
import { toRichText } from './richText'
import type { SheetMeta } from './sheet'
import type { StickyMeta } from './sticky'
import { TAG_INFO } from './tags'

/** Fixed ids: two clients opening an empty room must not create two pages. */
export const DOCUMENT_ID = 'document:document' as TLDocument['id']
export const PAGE_ID = 'page:page' as TLPage['id']

/** Note geometry in tldraw 5 at size "m", scale 1. */
export const NOTE_SIZE = 200
export const SHEET_PADDING = 40
export const SHEET_GAP = 80

export function documentRecord(name = ''): TLDocument {
  return { id: DOCUMENT_ID, typeName: 'document', gridSize: 10, name, meta: {} }
}

export function pageRecord(name = 'Brown paper'): TLPage {
  return { id: PAGE_ID, typeName: 'page', name, index: 'a1' as IndexKey, meta: {} }
}

export function frameRecord(opts: {
  id: string
  name: string
  x: number
  y: number
  w: number
  h: number
  index: string
  /** Domain data of the sheet (see shared/sheet.ts). */
  meta?: SheetMeta
}): TLFrameShape {
  return {
    id: opts.id as TLFrameShape['id'],
    typeName: 'shape',
    type: 'frame',
    x: opts.x,
    y: opts.y,
    rotation: 0,
    index: opts.index as IndexKey,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: { w: opts.w, h: opts.h, name: opts.name, color: 'black' },
    meta: opts.meta ? JSON.parse(JSON.stringify(opts.meta)) : {},
  }
}

export function noteRecord(opts: {
  id: string
  text: string
  meta: StickyMeta
  parentId: string
  x: number
  y: number
  index: string
}): TLNoteShape {
  return {
    id: opts.id as TLNoteShape['id'],
    typeName: 'shape',
    type: 'note',
    x: opts.x,
    y: opts.y,
    rotation: 0,
    index: opts.index as IndexKey,
    parentId: opts.parentId as TLNoteShape['parentId'],
    isLocked: false,
    opacity: 1,
    props: {
      color: TAG_INFO[opts.meta.tag].color,
      labelColor: 'black',
      size: 's',
      font: 'sans',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(opts.text),
      scale: 1,
      textLastEditedBy: null,
    },
    meta: JSON.parse(JSON.stringify(opts.meta)),
  }
}

/** An arrow from one shape to another, with its two bindings. Page coordinates. */
export function linkRecords(opts: {
  arrowId: string
  fromId: string
  toId: string
  from: { x: number; y: number }
  to: { x: number; y: number }
  index: string
}): [TLArrowShape, TLArrowBinding, TLArrowBinding] {
  const arrow: TLArrowShape = {
    id: opts.arrowId as TLArrowShape['id'],
    typeName: 'shape',
    type: 'arrow',
    x: opts.from.x,
    y: opts.from.y,
    rotation: 0,
    index: opts.index as IndexKey,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: {
      kind: 'arc',
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      font: 'draw',
      start: { x: 0, y: 0 },
      end: { x: opts.to.x - opts.from.x, y: opts.to.y - opts.from.y },
      bend: 0,
      richText: toRichText(''),
      labelPosition: 0.5,
      scale: 1,
      elbowMidPoint: 0.5,
    },
    meta: {},
  }
  const binding = (terminal: 'start' | 'end', toId: string): TLArrowBinding => ({
    id: `binding:${opts.arrowId.replace(/^shape:/, '')}_${terminal}` as TLArrowBinding['id'],
    typeName: 'binding',
    type: 'arrow',
    fromId: arrow.id,
    toId: toId as TLArrowBinding['toId'],
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  })
  return [arrow, binding('start', opts.fromId), binding('end', opts.toId)]
}
