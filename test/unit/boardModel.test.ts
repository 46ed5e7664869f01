import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseStickyMeta, readBoard } from '../../shared/boardModel'
import { frameRecord, linkRecords, noteRecord, PAGE_ID } from '../../shared/records'
import { addSticky, allRecords, seedBoard } from '../../shared/ydoc'

const schema = createTLSchema()
const validate = (r: { typeName: string }) => schema.types[r.typeName as 'shape'].validate(r)

describe('mapping tldraw records to domain stickies', () => {
  it('builds records that tldraw\'s own schema accepts', () => {
    const doc = new Y.Doc()
    seedBoard(doc, ['SO in the lead'])
    addSticky(doc, { text: 'CIZ heeft geen plek', tag: 'belemmerend', sheet: 'SO in the lead' })
    const [arrow, start, end] = linkRecords({ arrowId: 'shape:arrow1', fromId: 'shape:a', toId: 'shape:b', from: { x: 0, y: 0 }, to: { x: 100, y: 50 }, index: 'a5' })
    for (const r of [...allRecords(doc), arrow, start, end]) expect(() => validate(r)).not.toThrow()
  })

  it('reads text, tag, sheet and page position of a note inside a frame', () => {
    const frame = frameRecord({ id: 'shape:sheet1', name: 'Huisarts in the lead', x: 1000, y: 500, w: 900, h: 700, index: 'a1' })
    const note = noteRecord({ id: 'shape:n1', text: 'Directe tijd', meta: { tag: 'bevorderend' }, parentId: frame.id, x: 40, y: 60, index: 'a1' })
    const board = readBoard([frame, note])
    expect(board.sheets).toEqual([{ id: 'shape:sheet1', name: 'Huisarts in the lead', x: 1000, y: 500, w: 900, h: 700 }])
    expect(board.stickies).toEqual([
      { id: 'shape:n1', text: 'Directe tijd', tag: 'bevorderend', sheetId: 'shape:sheet1', x: 1040, y: 560, meta: { tag: 'bevorderend' } },
    ])
  })

  it('reads a note made by stock tldraw (empty meta, outside any frame) as an opmerking without a sheet', () => {
    const note = noteRecord({ id: 'shape:n2', text: 'los', meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: 0, y: 0, index: 'a1' })
    const board = readBoard([{ ...note, meta: {} }])
    expect(board.stickies[0]).toMatchObject({ tag: 'opmerking', sheetId: null, text: 'los' })
  })

  it('keeps the valid fields of a partly invalid meta', () => {
    const meta = parseStickyMeta({ tag: 'afspraak', wie: 'VWS', votes: 'many', waar: 42 })
    expect(meta).toEqual({ tag: 'afspraak', wie: 'VWS' })
  })

  it('reads an arrow bound at both ends as a link from start to end, and ignores dangling arrows', () => {
    const a = noteRecord({ id: 'shape:a', text: 'factor', meta: { tag: 'belemmerend' }, parentId: PAGE_ID, x: 0, y: 0, index: 'a1' })
    const b = noteRecord({ id: 'shape:b', text: 'conclusie', meta: { tag: 'conclusie' }, parentId: PAGE_ID, x: 400, y: 0, index: 'a2' })
    const link = linkRecords({ arrowId: 'shape:ab', fromId: a.id, toId: b.id, from: { x: 0, y: 0 }, to: { x: 400, y: 0 }, index: 'a3' })
    const dangling = linkRecords({ arrowId: 'shape:dangling', fromId: a.id, toId: 'shape:gone', from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, index: 'a4' })
    const board = readBoard([a, b, ...link, ...dangling])
    expect(board.links).toEqual([{ arrowId: 'shape:ab', fromId: 'shape:a', toId: 'shape:b' }])
  })

  it('orders stickies in reading order: rows top to bottom, then left to right', () => {
    const mk = (id: string, x: number, y: number) => noteRecord({ id, text: id, meta: { tag: 'opmerking' }, parentId: PAGE_ID, x, y, index: 'a1' })
    const board = readBoard([mk('shape:c', 0, 300), mk('shape:b', 300, 10), mk('shape:a', 0, 0)])
    expect(board.stickies.map((s) => s.id)).toEqual(['shape:a', 'shape:b', 'shape:c'])
  })

  it('places stickies added to one sheet in a grid without overlaps and grows the sheet when full', () => {
    const doc = new Y.Doc()
    seedBoard(doc, ['Blad'])
    for (let i = 0; i < 20; i++) addSticky(doc, { text: `s${i}`, tag: 'bevorderend', sheet: 'blad' })
    const board = readBoard(allRecords(doc))
    expect(board.sheets).toHaveLength(1)
    const sheet = board.sheets[0]!
    const stickies = board.stickies
    expect(stickies).toHaveLength(20)
    for (const s of stickies) {
      expect(s.sheetId).toBe(sheet.id)
      expect(s.y + 200).toBeLessThanOrEqual(sheet.y + sheet.h)
    }
    const positions = new Set(stickies.map((s) => `${s.x},${s.y}`))
    expect(positions.size).toBe(20)
  })

  it('makes a new sheet for an unknown sheet title and puts loose stickies outside every sheet', () => {
    const doc = new Y.Doc()
    seedBoard(doc, ['Een'])
    const inNew = addSticky(doc, { text: 'x', tag: 'conclusie', sheet: 'Twee' })
    const loose = addSticky(doc, { text: 'y', tag: 'opmerking' })
    const board = readBoard(allRecords(doc))
    expect(board.sheets.map((s) => s.name)).toEqual(['Een', 'Twee'])
    expect(inNew.sheetId).toBe(board.sheets[1]!.id)
    expect(loose.sheetId).toBeNull()
  })
})
