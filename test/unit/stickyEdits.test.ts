import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { editSticky } from '../../shared/stickyEdits'
import { linkStickiesInDoc, unlinkInDoc } from '../../shared/stickyLinks'
import { addSticky, allRecords, recordsOf, seedBoard } from '../../shared/ydoc'

function board() {
  const doc = new Y.Doc()
  seedBoard(doc, ['Vel A'])
  const a = addSticky(doc, { text: 'Factor', tag: 'belemmerend', sheet: 'Vel A' }).id
  const b = addSticky(doc, { text: 'Conclusie', tag: 'conclusie', sheet: 'Vel A' }).id
  return { doc, a, b }
}

describe('sticky edits on the doc, without a canvas', () => {
  it('[M5] changes text, tag (with its colour) and fields in one write, inside an outer transaction too', () => {
    const { doc, a } = board()
    doc.transact(() => {
      expect(editSticky(doc, a, { text: 'Nieuwe tekst', tag: 'afspraak', fields: { wie: 'Anna', waar: 'Barneveld' } })).toBe(true)
    })
    const sticky = readBoard(allRecords(doc)).stickies.find((s) => s.id === a)!
    expect(sticky.text).toBe('Nieuwe tekst')
    expect(sticky.tag).toBe('afspraak')
    expect(sticky.meta).toMatchObject({ wie: 'Anna', waar: 'Barneveld' })
    expect((recordsOf(doc).get(a)?.props as { color: string }).color).toBe('blue')
    editSticky(doc, a, { fields: { wie: '' } })
    expect(readBoard(allRecords(doc)).stickies.find((s) => s.id === a)!.meta.wie).toBeUndefined()
  })

  it('[M10] refuses what is not a sticky, and links / unlinks two stickies as an arrow with two bindings', () => {
    const { doc, a, b } = board()
    const sheet = readBoard(allRecords(doc)).sheets[0]!.id
    expect(editSticky(doc, sheet, { text: 'x' })).toBe(false)
    expect(editSticky(doc, 'shape:nope', { text: 'x' })).toBe(false)
    expect(linkStickiesInDoc(doc, a, a)).toBeNull()
    const arrow = linkStickiesInDoc(doc, a, b)!
    expect(readBoard(allRecords(doc)).links).toEqual([{ arrowId: arrow, fromId: a, toId: b }])
    unlinkInDoc(doc, arrow)
    expect(readBoard(allRecords(doc)).links).toEqual([])
    expect(allRecords(doc).some((r) => r.id === arrow || r.typeName === 'binding')).toBe(false)
  })
})
