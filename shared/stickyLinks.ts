/**
 * Links between stickies made on the Y.Doc directly, without a tldraw
 * editor (the list view, SPEC M10): an arrow bound at both ends, as drawn on
 * the canvas. Apart from stickyEdits.ts because it needs @tldraw/utils for
 * fractional indexes, which the phone page does without.
 */
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import type * as Y from 'yjs'
import { linkRecords, PAGE_ID } from './records'
import { newShapeId, recordsOf, type StoredRecord } from './ydoc'

function note(doc: Y.Doc, id: string): StoredRecord | null {
  const record = recordsOf(doc).get(id)
  return record && record.typeName === 'shape' && record.type === 'note' ? record : null
}

/** Page position of a shape (shapes in a frame are stored relative to it). */
function pagePoint(doc: Y.Doc, record: StoredRecord): { x: number; y: number } {
  const kv = recordsOf(doc)
  let x = Number(record.x ?? 0)
  let y = Number(record.y ?? 0)
  let parent = record.parentId ? kv.get(record.parentId) : undefined
  for (let depth = 0; parent && parent.typeName === 'shape' && depth < 20; depth++) {
    x += Number(parent.x ?? 0)
    y += Number(parent.y ?? 0)
    parent = parent.parentId ? kv.get(parent.parentId) : undefined
  }
  return { x, y }
}

/** Links two stickies (an arrow bound at both ends, as drawn on the canvas); returns the arrow id or null. */
export function linkStickiesInDoc(doc: Y.Doc, fromId: string, toId: string): string | null {
  const from = note(doc, fromId)
  const to = note(doc, toId)
  if (!from || !to || fromId === toId) return null
  const kv = recordsOf(doc)
  const half = 100
  const a = pagePoint(doc, from)
  const b = pagePoint(doc, to)
  let top: string | null = null
  for (const entry of kv.map.values()) {
    const r = entry.val
    if (r.typeName === 'shape' && r.parentId === PAGE_ID && typeof r.index === 'string' && (top === null || r.index > top)) top = r.index
  }
  const arrowId = newShapeId()
  const records = linkRecords({
    arrowId,
    fromId,
    toId,
    from: { x: a.x + half, y: a.y + half },
    to: { x: b.x + half, y: b.y + half },
    index: getIndexAbove(top as IndexKey | null),
  })
  doc.transact(() => {
    for (const record of records) kv.set(record.id, record as unknown as StoredRecord)
  })
  return arrowId
}

/** Removes a link: the arrow and its bindings. */
export function unlinkInDoc(doc: Y.Doc, arrowId: string): void {
  const kv = recordsOf(doc)
  doc.transact(() => {
    for (const entry of [...kv.map.values()]) {
      const r = entry.val
      if (r.typeName === 'binding' && r.fromId === arrowId) kv.delete(r.id)
    }
    kv.delete(arrowId)
  })
}
