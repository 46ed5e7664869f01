/** The stored snapshot of a compaction (S5): both sides' updates kept, nothing deleted kept. */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeSnapshots } from '../../server/core/storage/mergeSnapshots'

const textOf = (update: Uint8Array): Record<string, unknown> => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc.getMap('m').toJSON()
}

describe('mergeSnapshots (S5)', () => {
  it('[S5] keeps what only the stored snapshot holds and what only the new one holds', () => {
    const a = new Y.Doc()
    a.getMap('m').set('first', 'van instantie 1')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const stored = Y.encodeStateAsUpdate(a)
    a.getMap('m').set('only-stored', 'x')
    const storedLater = Y.encodeStateAsUpdate(a)
    b.getMap('m').set('only-new', 'y')
    expect(textOf(mergeSnapshots(storedLater, Y.encodeStateAsUpdate(b)))).toEqual({ first: 'van instantie 1', 'only-stored': 'x', 'only-new': 'y' })
    expect(textOf(mergeSnapshots(null, stored))).toEqual({ first: 'van instantie 1' })
  })

  it('[S5][G4] content deleted since the stored snapshot is not in the merged bytes', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('author', 'Wilhelmina Zwartkop, Zorgbureau Quokkadal')
    doc.getMap('m').set('text', 'Korte lijnen')
    const stored = Y.encodeStateAsUpdate(doc)
    doc.getMap('m').set('author', 'Deelnemer 7')
    const merged = mergeSnapshots(stored, Y.encodeStateAsUpdate(doc))
    expect(Buffer.from(merged).includes('Zwartkop')).toBe(false)
    expect(textOf(merged)).toEqual({ author: 'Deelnemer 7', text: 'Korte lijnen' })
  })

  it('[S5] a stored snapshot that no longer decodes is replaced by the new one', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('k', 'v')
    const next = Y.encodeStateAsUpdate(doc)
    expect(mergeSnapshots(new Uint8Array([255, 255, 255]), next)).toEqual(next)
  })
})
