/**
 * The verslag's rules one by one, on the smallest input that shows each:
 * the links read from arrows (V6), nesting (V4), wording and empty sections
 * (V1, V2), fields (V7) and the Markdown escaping (V10). Written to kill the
 * mutants that survived `npm run mutate` (README, "Mutation testing").
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { DomainLink } from '../../shared/boardModel'
import type { DomainSticky, StickyMeta } from '../../shared/sticky'
import type { Tag } from '../../shared/tags'
import { addSticky, allRecords, recordsOf, seedBoard, writeSessionInfo, type StoredRecord } from '../../shared/ydoc'
import { buildVerslag, MAX_NESTING } from '../../server/verslag/buildVerslag'
import { escapeMarkdown } from '../../server/verslag/render/renderMarkdown'
import { verslagLinks } from '../../server/verslag/verslagLinks'

const sticky = (id: string, tag: Tag): DomainSticky => ({ id, text: id, tag, sheetId: null, x: 0, y: 0, meta: { tag } as StickyMeta })
const arrow = (fromId: string, toId: string, n = 0): DomainLink => ({ arrowId: `shape:a${fromId}${toId}${n}`, fromId, toId })
const asObject = (m: Map<string, string[]>) => Object.fromEntries(m)

describe('verslagLinks: every pair of tags, either way round (V6)', () => {
  // In reading order: f1, f2, c1, c2, r1, r2, o1.
  const stickies = [sticky('f1', 'belemmerend'), sticky('f2', 'bevorderend'), sticky('c1', 'conclusie'), sticky('c2', 'conclusie'), sticky('r1', 'regelruimte'), sticky('r2', 'regelruimte'), sticky('o1', 'opmerking')]

  it('[V6] factor → conclusie and conclusie → factor: rests on; conclusie ↔ regelruimte: asks for / follows from; other ↔ regelruimte: directly on', () => {
    const links = verslagLinks(stickies, [arrow('f2', 'c1'), arrow('c1', 'f1'), arrow('r2', 'c1'), arrow('c2', 'r1'), arrow('o1', 'r1'), arrow('r2', 'f1')])
    expect(asObject(links.restsOn)).toEqual({ c1: ['f1', 'f2'] })
    expect(asObject(links.asksFor)).toEqual({ c1: ['r2'], c2: ['r1'] })
    expect(asObject(links.followsFrom)).toEqual({ r2: ['c1'], r1: ['c2'] })
    expect(asObject(links.directlyOn)).toEqual({ r1: ['o1'], r2: ['f1'] })
  })

  it('[V6] links between two requests, a conclusie and itself kind, or to a sticky that is gone mean nothing; doubles count once', () => {
    const links = verslagLinks(stickies, [arrow('r1', 'r2'), arrow('f1', 'f2'), arrow('gone', 'c1'), arrow('c1', 'gone'), arrow('f1', 'c1'), arrow('f1', 'c1', 1)])
    expect(asObject(links.restsOn)).toEqual({ c1: ['f1'] })
    expect(asObject(links.asksFor)).toEqual({})
    expect(asObject(links.followsFrom)).toEqual({})
    expect(asObject(links.directlyOn)).toEqual({})
  })

  it('[V6][V5] each list follows the reading order of the stickies, not the order the arrows were drawn', () => {
    const links = verslagLinks(stickies, [arrow('o1', 'c1'), arrow('f2', 'c1'), arrow('f1', 'c1'), arrow('c2', 'r1'), arrow('c1', 'r1')])
    expect(links.restsOn.get('c1')).toEqual(['f1', 'f2', 'o1'])
    expect(links.followsFrom.get('r1')).toEqual(['c1', 'c2'])
  })
})

function board(sheets: string[] = []) {
  const doc = new Y.Doc()
  writeSessionInfo(doc, {
    title: 'Verslag van de werksessie',
    themagroep: 'Test',
    type: 'workshop',
    intro: 'Eerste alinea\r\nloopt door.\r\n  \r\nTweede alinea.\r\n\r\n\r\n',
    agenda: ' Opening \r\n\r\nRondvraag\r',
    place: 'Utrecht',
    geplaatstOp: '2026-02-01',
  })
  seedBoard(doc, sheets)
  const now = new Date('2026-01-01T10:00:00Z')
  const add = (text: string, tag: Tag, sheet?: string, extraMeta: Partial<StickyMeta> = {}) => addSticky(doc, { text, tag, ...(sheet ? { sheet } : {}), extraMeta, now }).id
  return { doc, add }
}

describe('buildVerslag: wording, fields and empty sections', () => {
  it('[V1][V2] a title that starts with "Verslag" is kept; intro paragraphs and agenda lines are split on any line ending; place and geplaatst op are given', () => {
    const { doc } = board()
    const v = buildVerslag(doc)
    expect(v.heading).toBe('Verslag van de werksessie')
    expect(v.intro).toEqual(['Eerste alinea\nloopt door.', 'Tweede alinea.'])
    expect(v.agenda).toEqual(['Opening', 'Rondvraag'])
    expect(v.place).toBe('Utrecht')
    expect(v.geplaatstOp).toBe('2026-02-01')
  })

  it('[V2] a sheet named Conclusies heads its conclusies "Conclusies"; a conclusie outside any sheet goes under "Conclusies"; a factor sheet gets no sub-heading', () => {
    const { doc, add } = board(['Conclusies', 'Bevorderende factoren', 'Wijk'])
    add('In het vel Conclusies', 'conclusie', 'Conclusies')
    add('In de wijk', 'conclusie', 'Wijk')
    add('Los', 'conclusie')
    add('Factor in het factorvel', 'bevorderend', 'Bevorderende factoren')
    add('Factor in de wijk', 'bevorderend', 'Wijk')
    const v = buildVerslag(doc)
    const conclusies = v.sections.filter((s) => s.kind === 'conclusies')
    expect(conclusies.map((s) => s.heading)).toEqual(['Conclusies', 'Conclusie Wijk', 'Conclusies'])
    expect(conclusies.map((s) => (s.kind === 'conclusies' ? s.conclusies.map((c) => c.item.text) : []))).toEqual([['In het vel Conclusies'], ['In de wijk'], ['Los']])
    const factoren = v.sections.find((s) => s.kind === 'factoren')
    expect(factoren?.kind === 'factoren' && factoren.groups.map((g) => g.heading)).toEqual([null, 'Wijk'])
  })

  it('[V1][V2] an empty sheet is left out, unless its own name is its heading', () => {
    const { doc, add } = board(['Leeg', 'Eigen kop', 'Gevuld'])
    add('Iets', 'opmerking', 'Gevuld')
    const frame = allRecords(doc).find((r) => r.type === 'frame' && (r.props as { name?: string }).name === 'Eigen kop')!
    recordsOf(doc).set(frame.id, { ...(frame as StoredRecord), meta: { headingStyle: 'name' } })
    const headings = buildVerslag(doc).sections.map((s) => s.heading)
    expect(headings).toContain('Eigen kop')
    expect(headings).toContain('Opbrengst workshop – Gevuld')
    expect(headings.some((h) => h.includes('Leeg'))).toBe(false)
  })

  it('[V7][V4][V30] afspraak and regelruimte fields are kept when given; a date that is not ISO is dropped; prose after the entries is kept after them', () => {
    const { doc, add } = board(['Vel'])
    add('Overleg', 'afspraak', 'Vel', { wie: 'LHV', wanneer: '22 juni', waar: 'Barneveld' })
    add('Afspraken in proza', 'afspraak', 'Vel', { prose: true })
    add('Verzoek', 'regelruimte', 'Vel', { gevraagdeRuimte: 'Ruimte', indiener: 'ActiZ', regeling: 'Wlz', adressaat: 'VWS' })
    add('Regelruimte in proza', 'regelruimte', 'Vel', { prose: true })
    const v = buildVerslag(doc)
    const afspraken = v.sections.find((s) => s.kind === 'afspraken')
    if (afspraken?.kind !== 'afspraken') throw new Error('no afspraken')
    expect(afspraken.afspraken.map((a) => ({ text: a.item.text, wie: a.wie, wanneer: a.wanneer, waar: a.waar }))).toEqual([
      { text: 'Overleg', wie: 'LHV', wanneer: undefined, waar: 'Barneveld' },
    ])
    expect(afspraken.notes).toEqual([])
    expect(afspraken.notesAfter?.map((n) => n.text)).toEqual(['Afspraken in proza'])
    const rr = v.sections.find((s) => s.kind === 'regelruimte')
    if (rr?.kind !== 'regelruimte') throw new Error('no regelruimte')
    expect(rr.verzoeken).toHaveLength(1)
    expect(rr.verzoeken[0]).toMatchObject({ gevraagdeRuimte: 'Ruimte', indiener: 'ActiZ', regeling: 'Wlz', adressaat: 'VWS' })
    expect(rr.notes).toEqual([])
    expect(rr.notesAfter?.map((n) => n.text)).toEqual(['Regelruimte in proza'])
  })

  it('[V4] a child whose parent is listed elsewhere, or missing, is at the top level; a grandchild nests two deep', () => {
    const { doc, add } = board(['Een', 'Twee'])
    const parent = add('Ouder', 'opmerking', 'Een')
    const child = add('Kind', 'opmerking', 'Een', { parentStickyId: parent })
    add('Kleinkind', 'opmerking', 'Een', { parentStickyId: child })
    add('Elders', 'opmerking', 'Twee', { parentStickyId: parent })
    add('Wees', 'opmerking', 'Twee', { parentStickyId: 'shape:bestaatniet' })
    const v = buildVerslag(doc)
    const een = v.sections.find((s) => s.heading.endsWith('Een'))
    const twee = v.sections.find((s) => s.heading.endsWith('Twee'))
    if (een?.kind !== 'section' || twee?.kind !== 'section') throw new Error('no sections')
    expect(een.items.map((i) => i.text)).toEqual(['Ouder'])
    expect(een.items[0]!.children.map((i) => i.text)).toEqual(['Kind'])
    expect(een.items[0]!.children[0]!.children.map((i) => i.text)).toEqual(['Kleinkind'])
    expect(twee.items.map((i) => i.text).sort()).toEqual(['Elders', 'Wees'])
  })
})

describe('buildVerslag: bounds of nesting and the Conclusies heading', () => {
  it('[V4][L7] a parent chain nests exactly MAX_NESTING levels deep; a sticky with more ancestors is listed at the top level; a cycle nests nothing', () => {
    const { doc, add } = board(['Vel', 'Kring'])
    const chain: string[] = []
    for (let i = 0; i <= MAX_NESTING + 1; i++) chain.push(add(`k${i}`, 'opmerking', 'Vel', i > 0 ? { parentStickyId: chain[i - 1]! } : {}))
    // a ↔ b is a cycle; c hangs under a, whose chain never ends.
    const a = add('a', 'opmerking', 'Kring', { parentStickyId: 'shape:later' })
    const b = add('b', 'opmerking', 'Kring', { parentStickyId: a })
    add('c', 'opmerking', 'Kring', { parentStickyId: a })
    const frameOf = (id: string) => recordsOf(doc).get(id) as StoredRecord
    recordsOf(doc).set(a, { ...frameOf(a), meta: { ...(frameOf(a).meta as object), parentStickyId: b } })
    const v = buildVerslag(doc)
    const vel = v.sections.find((s) => s.heading.endsWith('Vel'))
    const kring = v.sections.find((s) => s.heading.endsWith('Kring'))
    if (vel?.kind !== 'section' || kring?.kind !== 'section') throw new Error('no sections')
    expect(vel.items.map((i) => i.text).sort()).toEqual(['k0', `k${MAX_NESTING + 1}`])
    const nested: string[] = []
    for (let item = vel.items.find((i) => i.text === 'k0')!; item.children.length > 0; item = item.children[0]!) {
      expect(item.children).toHaveLength(1)
      nested.push(item.children[0]!.text)
    }
    expect(nested).toEqual(Array.from({ length: MAX_NESTING }, (_, i) => `k${i + 1}`))
    expect(kring.items.map((i) => ({ text: i.text, children: i.children.length })).sort((x, y) => x.text.localeCompare(y.text))).toEqual([
      { text: 'a', children: 0 },
      { text: 'b', children: 0 },
      { text: 'c', children: 0 },
    ])
  })

  it('[V1][V3] a sheet named by its own heading that holds only one collected tag is that tag’s section, in its place; the tag’s stickies elsewhere join the first such section', () => {
    const { doc, add } = board(['Inleiding', 'Knelpunten', 'Vervolgafspraken', 'Gemengd', 'Wensen', 'Afspraken deel 2'])
    for (const name of ['Knelpunten', 'Vervolgafspraken', 'Gemengd', 'Afspraken deel 2']) {
      const frame = allRecords(doc).find((r) => r.type === 'frame' && (r.props as { name?: string }).name === name)!
      recordsOf(doc).set(frame.id, { ...(frame as StoredRecord), meta: { headingStyle: 'name' } })
    }
    add('Opmerking vooraf', 'opmerking', 'Inleiding')
    add('Knelpunt vooraf', 'belemmerend', 'Inleiding')
    add('Knelpunt in het eigen vel', 'belemmerend', 'Knelpunten')
    add('Afspraak in het eigen vel', 'afspraak', 'Vervolgafspraken', { wanneer: '2026-06-22' })
    add('Afspraak tussen opmerkingen', 'afspraak', 'Gemengd', { wanneer: 'ca. 2026-06-22' })
    add('Opmerking tussen afspraken', 'opmerking', 'Gemengd')
    add('Verzoek zonder eigen kop', 'regelruimte', 'Wensen')
    add('Tweede vel afspraken', 'afspraak', 'Afspraken deel 2', { wanneer: '2026-06-22 of later' })
    add('Losse afspraak', 'afspraak')
    const v = buildVerslag(doc)
    expect(v.sections.map((s) => `${s.kind}: ${s.heading}`)).toEqual([
      'section: Opbrengst workshop – Inleiding',
      'factoren: Knelpunten',
      'afspraken: Vervolgafspraken',
      'section: Gemengd',
      'afspraken: Afspraken deel 2',
      'regelruimte: Regelruimte',
    ])
    const knelpunten = v.sections[1]!
    expect(knelpunten.kind === 'factoren' && knelpunten.groups.map((g) => ({ heading: g.heading, items: g.items.map((i) => i.text) }))).toEqual([
      { heading: null, items: ['Knelpunt in het eigen vel'] },
      { heading: 'Inleiding', items: ['Knelpunt vooraf'] },
    ])
    const vervolg = v.sections[2]!
    if (vervolg.kind !== 'afspraken') throw new Error('no afspraken')
    expect(vervolg.afspraken[0]).toMatchObject({ item: { text: 'Afspraak in het eigen vel' }, wanneer: '2026-06-22' })
    expect(vervolg.afspraken.slice(1).map((a) => a.item.text).sort()).toEqual(['Afspraak tussen opmerkingen', 'Losse afspraak'])
    const tweede = v.sections[4]!
    expect(tweede.kind === 'afspraken' && tweede.afspraken.map((a) => a.item.text)).toEqual(['Tweede vel afspraken'])
    // A date with more around it is no ISO date (V7).
    expect([...vervolg.afspraken, ...(tweede.kind === 'afspraken' ? tweede.afspraken : [])].filter((a) => a.wanneer !== undefined).map((a) => a.item.text)).toEqual(['Afspraak in het eigen vel'])
    const gemengd = v.sections[3]!
    expect(gemengd.kind === 'section' && gemengd.items.map((i) => i.text)).toEqual(['Opmerking tussen afspraken'])
    expect(v.stickyCount).toBe(9)
  })

  it('[V4] a prose sticky is a paragraph without a list marker, whatever its meta says; a bullet keeps its marker', () => {
    const { doc, add } = board(['Vel'])
    add('Gewoon punt', 'opmerking', 'Vel')
    add('Punt a', 'opmerking', 'Vel', { listMarker: 'a' })
    add('Alinea', 'opmerking', 'Vel', { prose: true, listMarker: 'b' })
    const section = buildVerslag(doc).sections[0]!
    if (section.kind !== 'section') throw new Error('no section')
    expect(section.items.map((i) => ({ text: i.text, kind: i.kind, marker: i.marker }))).toEqual([
      { text: 'Gewoon punt', kind: 'bullet', marker: undefined },
      { text: 'Punt a', kind: 'bullet', marker: 'a' },
      { text: 'Alinea', kind: 'paragraph', marker: undefined },
    ])
  })

  it('[V2] only a sheet named Conclusie(s) or Conclusion(s), in any case, heads its conclusies with just "Conclusies"', () => {
    const names = ['Conclusie', 'conclusions', 'Conclusion', 'CONCLUSIES', 'Conclusies ronde 2', 'Eerste conclusies']
    const { doc, add } = board(names)
    for (const name of names) add(`In ${name}`, 'conclusie', name)
    const headings = buildVerslag(doc).sections.filter((s) => s.kind === 'conclusies').map((s) => s.heading)
    expect(headings).toEqual(['Conclusies', 'Conclusies', 'Conclusies', 'Conclusies', 'Conclusie Conclusies ronde 2', 'Conclusie Eerste conclusies'])
  })
})

describe('escapeMarkdown (V10)', () => {
  it.each([
    ['# kop', '\\# kop'],
    ['  # ingesprongen kop', '  \\# ingesprongen kop'],
    ['> citaat', '\\> citaat'],
    ['- punt', '\\- punt'],
    ['+ punt', '\\+ punt'],
    ['12. genummerd', '12\\. genummerd'],
    ['  3) genummerd', '  3\\) genummerd'],
    ['e-mail en 1+1', 'e-mail en 1+1'],
    ['2026 was een jaar', '2026 was een jaar'],
    ['1a is geen lijst', '1a is geen lijst'],
    ['a. letterpunt', 'a\\. letterpunt'],
    ['  iv) romeins', '  iv\\) romeins'],
    ['Dr. Jansen', 'Dr. Jansen'],
    ['a.b en i)x', 'a.b en i)x'],
    ['*nadruk* en _ook_ [link](x) <b>', '\\*nadruk\\* en \\_ook\\_ \\[link\\](x) \\<b\\>'],
  ])('[V10] %s', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })
})
