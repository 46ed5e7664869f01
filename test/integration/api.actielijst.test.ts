import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actielijst } from '../../shared/actielijst'
import { readBoard } from '../../shared/boardModel'
import { addSticky, allRecords } from '../../shared/ydoc'
import type { StickyMeta } from '../../shared/sticky'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { waitFor } from '../helpers/waitFor'

const GROEP = 'Bekostiging SO buiten het verpleeghuis'
const lijstPath = (tg = GROEP) => `/api/themagroepen/${encodeURIComponent(tg)}/actielijst`

describe('the actielijst of a themagroep across sessions', () => {
  let server: TestServer

  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })

  /** Adds an afspraak through a stock board client and waits until the server's verslag has it. */
  async function afspraak(sessionId: string, text: string, meta: Partial<StickyMeta>): Promise<string> {
    const client = connectYClient(server.wsUrl, sessionId)
    await client.synced
    const { id } = addSticky(client.doc, { text, tag: 'afspraak', extraMeta: meta })
    await waitFor(() => allRecords(server.rooms.get(sessionId)?.doc ?? client.doc).some((r) => r.id === id) && server.rooms.get(sessionId) !== undefined, 'the afspraak on the server')
    await server.rooms.get(sessionId)?.whenSaved()
    client.destroy()
    return id
  }

  async function lijst(query = ''): Promise<Actielijst> {
    const res = await server.api<Actielijst>('GET', `${lijstPath()}.json${query}`)
    expect(res.status).toBe(200)
    return res.body
  }

  it('[A1][A2][A3] lists every afspraak of every session of the themagroep, not of another, open first, overdue marked', async () => {
    const juni = await server.createSession({ title: 'Brownpapersessie juni', themagroep: GROEP, date: '2020-06-13' })
    const sept = await server.createSession({ title: 'Themabijeenkomst september', themagroep: GROEP, date: '2099-09-01' })
    const ander = await server.createSession({ title: 'Andere groep', themagroep: 'Een andere themagroep', date: '2020-06-13' })
    await afspraak(juni.id, 'Notitie delen met VWS', { wie: 'Anna de Vries', wanneer: '2020-07-01' })
    await afspraak(sept.id, 'Werkbezoek plannen', { wanneer: '2099-10-02', tijdVan: '09:30', tijdTot: '11:30', waar: 'Norschoten in Barneveld' })
    await afspraak(sept.id, 'Zonder datum', {})
    await afspraak(ander.id, 'Hoort niet in deze lijst', { wanneer: '2020-07-01' })

    const body = await lijst()
    expect(body.rows.map((r) => r.wat)).toEqual(['Notitie delen met VWS', 'Werkbezoek plannen', 'Zonder datum'])
    expect(body.rows.map((r) => r.overdue)).toEqual([true, false, false])
    expect(body.rows[0]).toMatchObject({ sessionId: juni.id, sessionTitle: 'Brownpapersessie juni', sessionDate: '2020-06-13', wie: 'Anna de Vries', status: 'open', history: [] })
    expect(body.rows[1]).toMatchObject({ tijdVan: '09:30', tijdTot: '11:30', waar: 'Norschoten in Barneveld' })
    // A themagroep spelled otherwise is the same themagroep (P26).
    const spelled = await server.api<Actielijst>('GET', `${lijstPath(GROEP.toUpperCase())}.json`)
    expect(spelled.body.rows).toHaveLength(3)
  })

  it('[A4] a status change is kept with who and when; it filters and orders the list, and a wrong status is a 400', async () => {
    const s = await server.createSession({ title: 'Sessie', themagroep: GROEP, date: '2026-06-13' })
    const done = await afspraak(s.id, 'Brief aan de NZa', { wanneer: '2026-07-01' })
    await afspraak(s.id, 'Nog te doen', { wanneer: '2026-08-01' })

    const patched = await server.api<{ changed: boolean; row: { status: string; history: { from: string; to: string; actorName: string }[] } }>(
      'PATCH',
      `${lijstPath()}/${s.id}/${encodeURIComponent(done)}`,
      { status: 'gedaan' },
    )
    expect(patched.status).toBe(200)
    expect(patched.body.changed).toBe(true)
    expect(patched.body.row.status).toBe('gedaan')
    expect(patched.body.row.history).toEqual([expect.objectContaining({ from: 'open', to: 'gedaan', actorName: 'beheer (token)' })])
    const again = await server.api<{ changed: boolean }>('PATCH', `${lijstPath()}/${s.id}/${encodeURIComponent(done)}`, { status: 'gedaan' })
    expect(again.body.changed).toBe(false)

    expect((await lijst()).rows.map((r) => `${r.wat}:${r.status}`)).toEqual(['Nog te doen:open', 'Brief aan de NZa:gedaan'])
    expect((await lijst('?status=gedaan')).rows.map((r) => r.wat)).toEqual(['Brief aan de NZa'])
    expect((await lijst('?q=nza%20brief')).rows.map((r) => r.wat)).toEqual(['Brief aan de NZa'])
    expect((await server.api('GET', `${lijstPath()}.json?status=klaar`)).status).toBe(400)
    expect((await server.api('PATCH', `${lijstPath()}/${s.id}/${encodeURIComponent(done)}`, { status: 'klaar' })).status).toBe(400)
    expect((await server.api('PATCH', `${lijstPath()}/${s.id}/shape:onbekend`, { status: 'gedaan' })).status).toBe(404)

    const audit = await server.api<{ action: string }[]>('GET', '/api/audit')
    expect(audit.body.filter((e) => e.action === 'actielijst.status')).toHaveLength(1)
  })

  it('[A6] an afspraak carried over appears on the later board, the original is vervallen, and both point at each other', async () => {
    const earlier = await server.createSession({ title: 'Eerste sessie', themagroep: GROEP, date: '2026-06-13' })
    const later = await server.createSession({ title: 'Tweede sessie', themagroep: GROEP, date: '2026-09-13' })
    const other = await server.createSession({ title: 'Elders', themagroep: 'Andere groep' })
    const id = await afspraak(earlier.id, 'Rekenmodel uitwerken', { wie: 'Werkgroep', wanneer: '2026-07-01' })

    expect((await server.api('POST', `${lijstPath()}/${earlier.id}/${encodeURIComponent(id)}/carry`, { toSessionId: other.id })).status).toBe(404)
    const carried = await server.api<{ sessionId: string; stickyId: string }>('POST', `${lijstPath()}/${earlier.id}/${encodeURIComponent(id)}/carry`, { toSessionId: later.id })
    expect(carried.status).toBe(201)

    const board = readBoard(allRecords(server.rooms.get(later.id)!.doc))
    const note = board.stickies.find((s) => s.id === carried.body.stickyId)
    expect(note).toMatchObject({ text: 'Rekenmodel uitwerken', tag: 'afspraak' })
    expect(note?.meta).toMatchObject({ wie: 'Werkgroep', wanneer: '2026-07-01' })
    expect(board.sheets.find((sh) => sh.id === note?.sheetId)?.name).toBe('Vervolgafspraken')

    const rows = (await lijst()).rows
    const original = rows.find((r) => r.stickyId === id)
    const copy = rows.find((r) => r.stickyId === carried.body.stickyId)
    expect(original).toMatchObject({ status: 'vervallen', carriedTo: { sessionId: later.id, sessionTitle: 'Tweede sessie' } })
    expect(original?.history.at(-1)?.detail).toBe('overgenomen in Tweede sessie')
    expect(copy).toMatchObject({ status: 'open', carriedFrom: { sessionId: earlier.id, stickyId: id } })
    expect((await server.api('POST', `${lijstPath()}/${earlier.id}/${encodeURIComponent(id)}/carry`, { toSessionId: later.id })).status).toBe(409)
  })

  it('[A5] the .xlsx has a frozen, filtered header row, real dates and one row per afspraak; the .csv is for Dutch Excel', async () => {
    const s = await server.createSession({ title: 'Sessie met afspraken', themagroep: GROEP, date: '2026-06-13' })
    await afspraak(s.id, '=SOM(A1) is geen formule', { wanneer: '2026-07-01', wie: 'Bas' })
    await afspraak(s.id, 'Tweede afspraak', {})

    const res = await fetch(`${server.url}${lijstPath()}.xlsx`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('actielijst-bekostiging-so-buiten-het-verpleeghuis.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Wat', 'Wie', 'Wanneer', 'Status', 'Sessie']))
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    expect(sheet.rowCount).toBe(3)
    expect(sheet.getRow(2).getCell(1).value).toBe('=SOM(A1) is geen formule')
    const wanneer = sheet.getRow(2).getCell(3).value
    expect(wanneer).toBeInstanceOf(Date)
    expect((wanneer as Date).toISOString()).toBe('2026-07-01T00:00:00.000Z')
    expect(sheet.getRow(3).getCell(3).value).toBeNull()

    const csv = await fetch(`${server.url}${lijstPath()}.csv`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.startsWith('Wat;Wie;Wanneer')).toBe(true)
    expect(text).toContain("'=SOM(A1) is geen formule")
    expect(text).toContain('\r\n')
  })

  it('[A8] the calendar link lists the open afspraken with a date; a renewed link replaces the old one', async () => {
    const s = await server.createSession({ title: 'Sessie', themagroep: GROEP, date: '2026-06-13' })
    await afspraak(s.id, 'Werkbezoek, met komma; en puntkomma', { wanneer: '2026-10-02', tijdVan: '09:30', tijdTot: '11:30', waar: 'Barneveld' })
    const done = await afspraak(s.id, 'Al gedaan', { wanneer: '2026-10-03' })
    await afspraak(s.id, 'Zonder datum', {})
    await server.api('PATCH', `${lijstPath()}/${s.id}/${encodeURIComponent(done)}`, { status: 'gedaan' })

    const feed = await server.api<{ url: string }>('POST', `${lijstPath()}/feed`)
    expect(feed.status).toBe(201)
    const res = await fetch(feed.body.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse(await res.text()))
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    expect(events.map((e) => e.summary)).toEqual(['Werkbezoek, met komma; en puntkomma'])
    expect(events[0]!.location).toBe('Barneveld')
    expect(events[0]!.startDate.toString()).toBe('2026-10-02T09:30:00')
    expect(events[0]!.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Amsterdam')

    const renewed = await server.api<{ url: string }>('POST', `${lijstPath()}/feed`)
    expect(renewed.body.url).not.toBe(feed.body.url)
    const old = await fetch(feed.body.url)
    expect(old.status).toBe(404)
    expect(await old.json()).toMatchObject({ error: 'feed_not_found' })
    expect((await fetch(renewed.body.url)).status).toBe(200)
  })
})
