import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords, Y_SESSION } from '../../shared/ydoc'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { moveSheet, orderSheets, SHEET_ORDER_KEY } from '../../shared/verslag/sheetOrder'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'

const TEXT = [
  'Verslag: Volgorde van de bron',
  '',
  'Vervolgafspraken',
  '',
  '- 3 mei overleg bij Zorgkantoor Noord',
  '',
  'Belemmerende factoren',
  '',
  '- Geen betaaltitel',
  '',
  'Ervaringen uit de praktijk',
  '',
  '- Eerste ervaring',
  '',
  'Bevorderende factoren',
  '',
  '- Korte lijnen',
  '',
  'Meer weten',
  '',
  'Zie de website.',
].join('\n')

describe('The verslag follows the source order (V1)', () => {
  it('[V1][V19] an imported text keeps its sections in their order and with their names', () => {
    const v = buildVerslag(importVerslag(parseVerslagText(TEXT)).doc)
    expect(v.sections.map((s) => [s.heading, s.kind])).toEqual([
      ['Vervolgafspraken', 'afspraken'],
      ['Belemmerende factoren', 'factoren'],
      ['Ervaringen uit de praktijk', 'section'],
      ['Bevorderende factoren', 'factoren'],
      ['Meer weten', 'section'],
    ])
  })

  it('[V19] an explicit sheetOrder in the session map reorders the sections; sheets it does not name follow in reading order', () => {
    const { doc } = importVerslag(parseVerslagText(TEXT))
    const sheets = readBoard(allRecords(doc)).sheets
    const meerWeten = sheets.find((s) => s.name === 'Meer weten')!
    const ervaringen = sheets.find((s) => s.name === 'Ervaringen uit de praktijk')!
    doc.getMap(Y_SESSION).set('sheetOrder', [meerWeten.id, 'unknown-id', ervaringen.id])
    expect(buildVerslag(doc).sections.map((s) => s.heading)).toEqual([
      'Meer weten',
      'Ervaringen uit de praktijk',
      'Vervolgafspraken',
      'Belemmerende factoren',
      'Bevorderende factoren',
    ])
  })


  it('[V19] moving a sheet up or down in the session details writes the new order; the ends stay put', () => {
    const { doc } = importVerslag(parseVerslagText(TEXT))
    const session = doc.getMap(Y_SESSION)
    const ids = orderSheets(readBoard(allRecords(doc)).sheets, session.get(SHEET_ORDER_KEY)).map((s) => s.id)
    expect(moveSheet(ids, ids[0]!, -1)).toEqual(ids)
    expect(moveSheet(ids, ids[ids.length - 1]!, 1)).toEqual(ids)
    expect(moveSheet(ids, 'unknown', 1)).toEqual(ids)
    session.set(SHEET_ORDER_KEY, moveSheet(ids, ids[4]!, -1))
    expect(buildVerslag(doc).sections.map((s) => s.heading)).toEqual([
      'Vervolgafspraken',
      'Belemmerende factoren',
      'Ervaringen uit de praktijk',
      'Meer weten',
      'Bevorderende factoren',
    ])
  })
})
