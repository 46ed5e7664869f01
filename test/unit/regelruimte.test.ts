import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { downloadUrl, groupByThemagroep } from '../../client/regelruimte/registerFilters'
import { matchRoute } from '../../client/router/matchRoute'
import type { RegisterRow } from '../../shared/regelruimte'
import { noteRecord } from '../../shared/records'
import { compareRows } from '../../server/regelruimte/compareRows'
import { localTime, renderRegisterCsv } from '../../server/regelruimte/renderRegisterCsv'
import { requestStatus } from '../../server/regelruimte/requestStatus'

const row = (patch: Partial<RegisterRow>): RegisterRow => ({
  sessionId: 'sessie-0001',
  sessionTitle: 'Sessie',
  themagroep: 'Bekostiging',
  sessionDate: '2026-06-22',
  stickyId: 'shape:a',
  nummer: 'R1',
  text: 'Verzoek',
  gevraagdeRuimte: null,
  regeling: null,
  adressaat: null,
  indiener: null,
  status: 'concept',
  conclusies: [],
  factoren: [],
  history: [],
  keten: { conclusies: [], direct: [] },
  ...patch,
})

describe('regelruimte register: order, CSV cells, status of a record', () => {
  it('[R3] orders by themagroep, session date (none last), title, id, then number with R2 before R10', () => {
    const rows = [
      row({ themagroep: 'Wijk', nummer: 'R1' }),
      row({ sessionDate: null, sessionId: 'sessie-zzzz', nummer: 'R1' }),
      row({ nummer: 'R10' }),
      row({ nummer: 'R2' }),
      row({ sessionDate: '2026-01-05', nummer: 'R1' }),
      row({ themagroep: 'Ätiologie', nummer: 'R1' }),
    ]
    const sorted = [...rows].sort(compareRows).map((r) => `${r.themagroep}/${r.sessionDate ?? '-'}/${r.nummer}`)
    expect(sorted).toEqual([
      'Ätiologie/2026-06-22/R1',
      'Bekostiging/2026-01-05/R1',
      'Bekostiging/2026-06-22/R2',
      'Bekostiging/2026-06-22/R10',
      'Bekostiging/-/R1',
      'Wijk/2026-06-22/R1',
    ])
  })

  it('[R4] writes Amsterdam local times and history cells that read back with a real CSV parser', () => {
    expect(localTime('2026-01-15T09:30:00.000Z')).toBe('2026-01-15 10:30')
    expect(localTime('2026-07-15T09:30:00.000Z')).toBe('2026-07-15 11:30')
    const csv = renderRegisterCsv([
      row({
        text: '+31 6 nummer; "quote"\nnieuwe regel',
        status: 'in behandeling',
        conclusies: ['Eén', 'Twee'],
        history: [
          { at: '2026-06-22T08:00:00.000Z', from: null, to: 'concept', actor: 'admin', actorName: 'beheer (token)' },
          { at: '2026-06-23T08:00:00.000Z', from: 'concept', to: 'in behandeling', actor: 'user:1', actorName: 'Sanne' },
        ],
      }),
    ])
    const [record] = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]
    expect(record?.['Verzoek']).toBe(`'+31 6 nummer; "quote"\nnieuwe regel`)
    expect(record?.['Volgt uit (conclusies)']).toBe('Eén | Twee')
    expect(record?.['Status sinds']).toBe('2026-06-23 10:00')
    expect(record?.['Statusgeschiedenis']).toBe('2026-06-22 10:00 concept (beheer (token)) | 2026-06-23 10:00 concept → in behandeling (Sanne)')
  })

  it('[R4] every field of a request has its own cell, under its own heading', () => {
    const csv = renderRegisterCsv([row({ gevraagdeRuimte: 'Ruimte', regeling: 'Wlz', adressaat: 'VWS', indiener: 'ActiZ' })])
    const [record] = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]
    expect(record).toMatchObject({
      Themagroep: 'Bekostiging',
      Sessie: 'Sessie',
      'Datum sessie': '2026-06-22',
      Nummer: 'R1',
      Verzoek: 'Verzoek',
      'Gevraagde ruimte': 'Ruimte',
      Regeling: 'Wlz',
      Adressaat: 'VWS',
      Indiener: 'ActiZ',
      Status: 'concept',
      'Sessie-id': 'sessie-0001',
      'Sticky-id': 'shape:a',
    })
  })

  it('[R4] starts with a byte order mark, ends records with CRLF, quotes a cell with a line break, leaves absent fields empty, and "Status sinds" only when the last change set the current status', () => {
    const csv = renderRegisterCsv([
      row({ sessionDate: null, text: 'twee\nregels' }),
      row({
        nummer: 'R2',
        status: 'ingediend',
        gevraagdeRuimte: 'Ruimte',
        history: [{ at: '2026-06-22T08:00:00.000Z', from: null, to: 'concept', actor: 'admin', actorName: 'beheer' }],
      }),
    ])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(4) // header, two rows, and the empty end after the last CRLF
    expect(csv).toContain(';"twee\nregels";')
    const [first, second] = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]
    expect(first?.['Datum sessie']).toBe('')
    for (const column of ['Gevraagde ruimte', 'Regeling', 'Adressaat', 'Indiener', 'Status sinds']) expect(first?.[column], column).toBe('')
    expect(second?.['Gevraagde ruimte']).toBe('Ruimte')
    expect(second?.['Status sinds']).toBe('')
  })

  it('[R5] a note tagged regelruimte has its status (concept when none); other records have none', () => {
    const note = (meta: Record<string, unknown>) =>
      noteRecord({ id: 'shape:n', text: 'x', meta: meta as never, parentId: 'page:page', x: 0, y: 0, index: 'a1' }) as unknown as Parameters<typeof requestStatus>[0]
    expect(requestStatus(note({ tag: 'regelruimte' }))).toBe('concept')
    expect(requestStatus(note({ tag: 'regelruimte', status: 'toegekend' }))).toBe('toegekend')
    expect(requestStatus(note({ tag: 'regelruimte', status: 'onzin' }))).toBe('concept')
    expect(requestStatus(note({ tag: 'conclusie', status: 'toegekend' }))).toBeNull()
    expect(requestStatus(undefined)).toBeNull()
  })

  it('[R8] the page lives at /regelruimte, groups rows per themagroep and downloads with its filters', () => {
    expect(matchRoute('/regelruimte')).toEqual({ name: 'regelruimte' })
    expect(groupByThemagroep([row({ themagroep: 'A' }), row({ themagroep: 'A', nummer: 'R2' }), row({ themagroep: 'B' })]).map((g) => [g.themagroep, g.rows.length])).toEqual([
      ['A', 2],
      ['B', 1],
    ])
    expect(downloadUrl('csv', { themagroep: null, status: null }, 'nl')).toBe('/api/regelruimte.csv')
    expect(downloadUrl('csv', { themagroep: 'Wijk & zorg', status: 'in behandeling' }, 'en')).toBe('/api/regelruimte.csv?themagroep=Wijk+%26+zorg&status=in+behandeling&lang=en')
    expect(downloadUrl('json', { themagroep: null, status: 'toegekend' }, 'en')).toBe('/api/regelruimte.json?status=toegekend')
  })
})
