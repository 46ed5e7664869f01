import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { addSticky, allRecords, recordsOf, seedBoard, writeSessionInfo, type StoredRecord } from '../../shared/ydoc'
import { verslagSchema, type VerslagItem } from '../../shared/verslag/schema'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { chainBoard, link } from '../helpers/verslagBoard'

function entries(items: VerslagItem[]): VerslagItem[] {
  return items.flatMap((i) => [i, ...entries(i.children)])
}

describe('buildVerslag: the structured model from the document alone', () => {
  it('[V1][V2] orders the sections as DESIGN.md and names them as the real verslagen do', () => {
    const v = buildVerslag(chainBoard().doc)
    expect(v.heading).toBe('Verslag: Bekostiging SO in de eerstelijn')
    expect(v.sections.map((s) => s.heading)).toEqual([
      'Opbrengst brownpapersessie – SO in the lead',
      'Conclusie SO in the lead',
      'Bevorderende factoren',
      'Belemmerende factoren',
      'Regelruimte',
      'Afspraken',
      'Overige',
    ])
    expect(v.intro).toEqual(['De deelnemers bestaan uit een goede mix.', 'Tweede alinea.'])
    expect(verslagSchema.safeParse(v).success).toBe(true)
  })

  it('[V3] lists every sticky on the board exactly once as an entry; a loose opmerking goes under Overige', () => {
    const { doc, ids } = chainBoard()
    const v = buildVerslag(doc)
    const listed = v.sections.flatMap((s) => {
      switch (s.kind) {
        case 'section':
          return entries(s.items)
        case 'conclusies':
          return entries(s.conclusies.map((c) => c.item))
        case 'factoren':
          return s.groups.flatMap((g) => entries(g.items))
        case 'regelruimte':
          return entries([...s.notes, ...s.verzoeken.map((r) => r.item)])
        case 'afspraken':
          return entries([...s.notes, ...s.afspraken.map((a) => a.item)])
      }
    })
    const onBoard = readBoard(allRecords(doc)).stickies.map((s) => s.id)
    expect(listed.map((i) => i.id).sort()).toEqual([...onBoard].sort())
    expect(v.stickyCount).toBe(onBoard.length)
    const overige = v.sections.find((s) => s.heading === 'Overige')
    expect(overige?.kind === 'section' && overige.items.map((i) => i.id)).toEqual([ids.loose])
  })

  it('[V6] a chain belemmerend → conclusie → regelruimte is traceable both ways', () => {
    const { doc, ids } = chainBoard()
    const v = buildVerslag(doc)
    const conclusies = v.sections.find((s) => s.kind === 'conclusies')
    expect(conclusies?.kind).toBe('conclusies')
    if (conclusies?.kind !== 'conclusies') return
    expect(conclusies.conclusies[0]!.restsOn.map((r) => r.id)).toEqual([ids.factor])
    expect(conclusies.conclusies[0]!.asksFor).toEqual(['R1'])
    const rr = v.sections.find((s) => s.kind === 'regelruimte')
    if (rr?.kind !== 'regelruimte') throw new Error('no regelruimte section')
    expect(rr.verzoeken[0]).toMatchObject({
      nummer: 'R1',
      regeling: 'Subsidieregeling extramurale behandeling',
      adressaat: 'VWS',
      status: 'ingediend',
      conclusies: [{ conclusie: { id: ids.conclusie, tag: 'conclusie' }, factoren: [{ id: ids.factor, tag: 'belemmerend', sheet: 'SO in the lead' }] }],
    })
  })

  it('[V6] an arrow drawn backwards (conclusie → factor, regelruimte → conclusie) means the same link', () => {
    const { doc, ids } = chainBoard()
    link(doc, 'shape:arrow-back', ids.conclusie, ids.bevorderend)
    // A second request, linked to the conclusie by an arrow from the request.
    const backwards = addSticky(doc, {
      text: 'Tweede verzoek',
      tag: 'regelruimte',
      sheet: 'SO in the lead',
      now: new Date('2016-06-13T10:00:00Z'),
    }).id
    link(doc, 'shape:arrow-rr-back', backwards, ids.conclusie)
    const v = buildVerslag(doc)
    const c = v.sections.find((s) => s.kind === 'conclusies')
    if (c?.kind !== 'conclusies') throw new Error('no conclusies')
    const conclusie = c.conclusies.find((x) => x.item.id === ids.conclusie)!
    expect(conclusie.restsOn.map((r) => r.id).sort()).toEqual([ids.factor, ids.bevorderend].sort())
    const rr = v.sections.find((s) => s.kind === 'regelruimte')
    if (rr?.kind !== 'regelruimte') throw new Error('no regelruimte section')
    const request = rr.verzoeken.find((r) => r.item.id === backwards)
    expect(request?.conclusies.map((x) => x.conclusie.id)).toEqual([ids.conclusie])
    expect(conclusie.asksFor).toEqual(rr.verzoeken.map((r) => r.nummer))
    expect(conclusie.asksFor).toHaveLength(2)
    // Not a link straight to the request: it follows from the conclusie.
    expect(request?.restsOn).toEqual([])
  })

  it('[V6] a sticky linked to a request either way round is listed under it directly', () => {
    const { doc, ids } = chainBoard()
    link(doc, 'shape:arrow-direct-fwd', ids.parent, ids.regelruimte)
    link(doc, 'shape:arrow-direct-back', ids.regelruimte, ids.loose)
    const rr = buildVerslag(doc).sections.find((s) => s.kind === 'regelruimte')
    if (rr?.kind !== 'regelruimte') throw new Error('no regelruimte section')
    expect(rr.verzoeken[0]!.restsOn.map((d) => d.id).sort()).toEqual([ids.parent, ids.loose].sort())
  })

  it('[V7] a regelruimte request without a status is a concept', () => {
    const { doc, ids } = chainBoard()
    const kv = recordsOf(doc)
    const record = kv.get(ids.regelruimte) as StoredRecord
    const { status: _dropped, ...meta } = record.meta as Record<string, unknown>
    kv.set(ids.regelruimte, { ...record, meta })
    const rr = buildVerslag(doc).sections.find((s) => s.kind === 'regelruimte')
    expect(rr?.kind === 'regelruimte' && rr.verzoeken[0]!.status).toBe('concept')
  })

  it('[V4] nests a sticky under its parentStickyId and lists cyclic parents at the top level', () => {
    const { doc, ids } = chainBoard()
    let v = buildVerslag(doc)
    const opbrengst = v.sections[0]
    if (opbrengst?.kind !== 'section') throw new Error('no opbrengst')
    const parent = opbrengst.items.find((i) => i.id === ids.parent)
    expect(parent?.children.map((c) => c.id)).toEqual([ids.child])
    expect(opbrengst.items.some((i) => i.id === ids.child)).toBe(false)

    const kv = recordsOf(doc)
    const p = kv.get(ids.parent) as StoredRecord
    kv.set(ids.parent, { ...p, meta: { ...(p.meta as object), parentStickyId: ids.child } })
    v = buildVerslag(doc)
    const again = v.sections[0]
    if (again?.kind !== 'section') throw new Error('no opbrengst')
    const top = again.items.map((i) => i.id)
    expect(top).toContain(ids.parent)
    expect(top).toContain(ids.child)
    const all = entries(again.items).map((i) => i.id)
    expect(all.filter((id) => id === ids.parent || id === ids.child)).toHaveLength(2)
  })

  it('[V8] the same document gives the same model, also when rebuilt from its encoded state', () => {
    const { doc } = chainBoard()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(JSON.stringify(buildVerslag(copy))).toBe(JSON.stringify(buildVerslag(doc)))
  })

  it('[V1] a document without session info still gives a valid verslag', () => {
    const v = buildVerslag(new Y.Doc())
    expect(verslagSchema.safeParse(v).success).toBe(true)
    expect(v.sections).toEqual([])
  })

  it('[V9] English wording on request', () => {
    const v = buildVerslag(chainBoard().doc, { language: 'en' })
    expect(v.heading).toBe('Report: Bekostiging SO in de eerstelijn')
    expect(v.sections.map((s) => s.heading)).toContain('Hindering factors')
  })

  it('[V5] entries follow the reading order (rows of half a note, then x, then z-index, then id); sheets too', () => {
    const doc = new Y.Doc()
    writeSessionInfo(doc, { title: 'Leesvolgorde', themagroep: 'Test', type: 'brownpapersessie' })
    seedBoard(doc, ['Rechts', 'Links'])
    const kv = recordsOf(doc)
    const place = (id: string, patch: Partial<StoredRecord>) => kv.set(id, { ...(kv.get(id) as StoredRecord), ...patch })
    const frames = allRecords(doc).filter((r) => r.typeName === 'shape' && r.type === 'frame')
    const frameNamed = (name: string) => frames.find((f) => (f.props as { name?: string }).name === name)!
    // 'Links' was made second but lies left of 'Rechts' on the same band of rows.
    place(frameNamed('Rechts').id, { x: 2000, y: 0 })
    place(frameNamed('Links').id, { x: -2000, y: 50 })
    const add = (text: string) => addSticky(doc, { text, tag: 'opmerking', sheet: 'Rechts', now: new Date('2026-01-01T10:00:00Z') }).id
    const a = add('a: first row, far right')
    const b = add('b: first row, left')
    const c = add('c: second row, leftmost')
    const d = add('d: as b, higher z-index')
    const e = add('e: as d, ties on the id')
    place(a, { x: 500, y: 10, index: 'a1' })
    place(b, { x: 100, y: 60, index: 'a2' })
    place(c, { x: 50, y: 150, index: 'a1' })
    place(d, { x: 100, y: 60, index: 'a3' })
    place(e, { x: 100, y: 60, index: 'a3' })
    addSticky(doc, { text: 'In het linker vel', tag: 'opmerking', sheet: 'Links', now: new Date('2026-01-01T10:00:00Z') })
    const v = buildVerslag(doc)
    const sheets = v.sections.filter((s) => s.kind === 'section' && s.heading.startsWith('Opbrengst')).map((s) => s.heading)
    expect(sheets).toEqual(['Opbrengst brownpapersessie – Links', 'Opbrengst brownpapersessie – Rechts'])
    const rechts = v.sections.find((s) => s.heading === 'Opbrengst brownpapersessie – Rechts')
    if (rechts?.kind !== 'section') throw new Error('no section for Rechts')
    const [first, second] = d < e ? [d, e] : [e, d]
    expect(rechts.items.map((i) => i.id)).toEqual([b, first, second, a, c])
  })
})
