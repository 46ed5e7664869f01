import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NOTE_SIZE, SHEET_PADDING, noteRecord } from '../../shared/records'
import { addSticky, allRecords, newShapeId, recordsOf, seedBoard, SHEET_WIDTH } from '../../shared/ydoc'

/** A small seeded PRNG, so that a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The rule, stated the slow way: the first grid cell (row by row) that no child of the sheet overlaps. */
function firstFreeCell(doc: Y.Doc, frameId: string): { x: number; y: number } {
  const cell = NOTE_SIZE + 20
  const columns = Math.max(1, Math.floor((SHEET_WIDTH - SHEET_PADDING * 2 + 20) / cell))
  const children = allRecords(doc).filter((r) => r.typeName === 'shape' && r.parentId === frameId)
  for (let slot = 0; ; slot++) {
    const x = SHEET_PADDING + (slot % columns) * cell
    const y = SHEET_PADDING + Math.floor(slot / columns) * cell
    const taken = children.some((c) => {
      const cx = Number(c.x ?? 0)
      const cy = Number(c.y ?? 0)
      return cx < x + NOTE_SIZE && x < cx + NOTE_SIZE && cy < y + NOTE_SIZE && y < cy + NOTE_SIZE
    })
    if (!taken) return { x, y }
  }
}

function sheetOf(doc: Y.Doc): string {
  const frame = allRecords(doc).find((r) => r.typeName === 'shape' && r.type === 'frame')
  if (!frame) throw new Error('no sheet')
  return frame.id
}

describe('placing a sticky in a sheet', () => {
  it.each([1, 2, 3, 4, 5])('puts each new sticky in the first grid cell no other sticky overlaps, also among moved ones (seed %i)', (seed) => {
    const random = mulberry32(seed)
    const doc = new Y.Doc()
    seedBoard(doc, ['Blad'])
    const frameId = sheetOf(doc)
    const kv = recordsOf(doc)
    for (let i = 0; i < 60; i++) {
      if (random() < 0.4) {
        // A sticky someone dragged somewhere, on or off the grid (also partly outside the sheet).
        const id = newShapeId()
        kv.set(id, noteRecord({ id, text: `moved ${i}`, meta: { tag: 'opmerking', createdAt: '2026-01-01T00:00:00.000Z' }, parentId: frameId, x: Math.round(random() * 1400 - 250), y: Math.round(random() * 1600 - 250), index: `a${i}` }))
      } else {
        const expected = firstFreeCell(doc, frameId)
        const { id } = addSticky(doc, { text: `sticky ${i}`, tag: 'bevorderend', sheet: 'Blad' })
        const placed = kv.get(id)
        expect({ x: placed?.x, y: placed?.y }).toEqual(expected)
      }
    }
  })
})
