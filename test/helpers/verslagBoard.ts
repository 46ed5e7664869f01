/**
 * A session document with a chain belemmerend → conclusie → regelruimte
 * drawn as real tldraw arrows (linkRecords), plus an afspraak, a nested
 * bullet, a loose opmerking and a sticky with markup in its text.
 */
import * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import { linkRecords } from '../../shared/records'
import type { StickyMeta } from '../../shared/sticky'
import type { Tag } from '../../shared/tags'
import { addSticky, allRecords, recordsOf, seedBoard, writeSessionInfo, type StoredRecord } from '../../shared/ydoc'

export const XSS = '<img src=x onerror=alert(1)>'

export interface ChainBoard {
  doc: Y.Doc
  ids: Record<'factor' | 'bevorderend' | 'conclusie' | 'regelruimte' | 'afspraak' | 'afspraakHeleDag' | 'afspraakZonderDatum' | 'parent' | 'child' | 'loose' | 'xss', string>
}

export function link(doc: Y.Doc, arrowId: string, fromId: string, toId: string): void {
  const board = readBoard(allRecords(doc))
  const pos = (id: string) => {
    const s = board.stickies.find((x) => x.id === id)!
    return { x: s.x + 100, y: s.y + 100 }
  }
  const kv = recordsOf(doc)
  doc.transact(() => {
    for (const r of linkRecords({ arrowId, fromId, toId, from: pos(fromId), to: pos(toId), index: 'a9' })) kv.set(r.id, r as unknown as StoredRecord)
  })
}

export function chainBoard(): ChainBoard {
  const doc = new Y.Doc()
  writeSessionInfo(doc, {
    title: 'Bekostiging SO in de eerstelijn',
    themagroep: 'Bekostiging SO buiten het verpleeghuis',
    type: 'brownpapersessie',
    date: '2016-06-13',
    place: 'Utrecht',
    deelnemers: [{ organisation: 'VWS' }, { organisation: 'Verenso', name: 'Anna' }],
    afgemeld: ['ActiZ', 'LHV'],
    intro: 'De deelnemers bestaan uit een goede mix.\n\nTweede alinea.',
    geplaatstOp: '2016-06-13',
    laatstGewijzigdOp: '2019-07-29',
  })
  seedBoard(doc, ['SO in the lead'])
  const now = new Date('2016-06-13T10:00:00Z')
  const add = (text: string, tag: Tag, sheet: string | undefined, extraMeta: Partial<StickyMeta> = {}) =>
    addSticky(doc, { text, tag, ...(sheet ? { sheet } : {}), extraMeta, now }).id
  const factor = add('SO heeft geen eigen betaaltitel in ZVW', 'belemmerend', 'SO in the lead')
  const bevorderend = add('Koppelen van dossiers', 'bevorderend', 'SO in the lead', { votes: { a: 2, b: 1 } })
  const conclusie = add('Eén financiering binnen één domein', 'conclusie', 'SO in the lead')
  const regelruimte = add('Aanpassing subsidieregeling extramurale behandeling', 'regelruimte', 'SO in the lead', {
    regeling: 'Subsidieregeling extramurale behandeling',
    gevraagdeRuimte: 'Zonder CIZ-indicatie declareren',
    adressaat: 'VWS',
    indiener: 'Norschoten',
    status: 'ingediend',
  })
  const afspraak = add('Werksessie regelruimte', 'afspraak', 'SO in the lead', {
    wie: 'Kleine geleding',
    wanneer: '2016-06-22',
    tijdVan: '09:30',
    tijdTot: '11:30',
    waar: 'Norschoten in Barneveld',
  })
  const afspraakHeleDag = add('AMvB voorbereiden', 'afspraak', 'SO in the lead', { wanneer: '2016-06-15' })
  const afspraakZonderDatum = add('Terugkoppeling aan de achterban', 'afspraak', 'SO in the lead', { wie: 'LHV' })
  const parent = add('Ondeelbare zorg', 'opmerking', 'SO in the lead')
  const child = add('Discussie over indirecte tijd', 'opmerking', 'SO in the lead', { parentStickyId: parent })
  const loose = add('Een los briefje', 'opmerking', undefined)
  const xss = add(XSS, 'opmerking', 'SO in the lead')
  link(doc, 'shape:arrow-factor', factor, conclusie)
  link(doc, 'shape:arrow-regelruimte', conclusie, regelruimte)
  return { doc, ids: { factor, bevorderend, conclusie, regelruimte, afspraak, afspraakHeleDag, afspraakZonderDatum, parent, child, loose, xss } }
}
