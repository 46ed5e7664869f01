/**
 * The regelruimte register across sessions (SPEC R1–R7) against a real
 * server: two sessions in two themagroepen, each with chains belemmerend →
 * conclusie → regelruimte drawn as real arrows by a stock y-websocket client.
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { registerSchema, statusPatchResponseSchema, type Register, type RegisterRow } from '../../shared/regelruimte'
import type { StickyMeta } from '../../shared/sticky'
import type { Tag } from '../../shared/tags'
import { addSticky, recordsOf, writeSessionInfo } from '../../shared/ydoc'
import { accessFixture, GROEP_A, GROEP_B, type AccessFixture, type Credential } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { restartTestServer, startTestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { link } from '../helpers/verslagBoard'
import { waitFor } from '../helpers/waitFor'

interface Chain {
  factor: string
  conclusie: string
  regelruimte: string
}

/** Adds factor → conclusie → regelruimte on a connected client's doc, the request with `fields`. */
function drawChain(doc: Y.Doc, sheet: string, texts: [string, string, string], fields: Partial<StickyMeta>, arrows: string): Chain {
  const add = (text: string, tag: Tag, extraMeta: Partial<StickyMeta> = {}) => addSticky(doc, { text, tag, sheet, extraMeta }).id
  const factor = add(texts[0], 'belemmerend')
  const conclusie = add(texts[1], 'conclusie')
  const regelruimte = add(texts[2], 'regelruimte', fields)
  link(doc, `shape:${arrows}-1`, factor, conclusie)
  link(doc, `shape:${arrows}-2`, conclusie, regelruimte)
  return { factor, conclusie, regelruimte }
}

/** A cell as R4 writes it: one that starts like a formula gets a leading quote (a random sticky id may start with "-"). */
const csvCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const metaOf = (doc: Y.Doc, id: string): Record<string, unknown> => {
  const meta = recordsOf(doc).get(id)?.meta
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {}
}

describe('regelruimte register (SPEC R1–R7)', () => {
  let f: AccessFixture
  let a1: Chain
  let a2: Chain
  let a3: string
  let b1: Chain
  const clients: YClient[] = []

  async function register(cred: Credential, query = ''): Promise<{ status: number; body: Register }> {
    const res = await f.server.api<Register>('GET', `/api/regelruimte.json${query}`, undefined, cred.headers)
    if (res.status === 200) registerSchema.parse(res.body)
    return res
  }

  async function patch(cred: Credential, sessionId: string, stickyId: string, body: unknown) {
    return f.server.api<unknown>('PATCH', `/api/regelruimte/${sessionId}/${encodeURIComponent(stickyId)}`, body, cred.unsafeHeaders)
  }

  beforeAll(async () => {
    f = await accessFixture(await startTestServer({ loginAttempts: 1000 }))
    const clientA = connectYClient(f.server.wsUrl, f.session.id)
    const clientB = connectYClient(f.server.wsUrl, f.otherSession.id)
    clients.push(clientA, clientB)
    await Promise.all([clientA.synced, clientB.synced])
    writeSessionInfo(clientA.doc, { date: '2026-06-22' })
    a1 = drawChain(
      clientA.doc,
      'SO in the lead',
      ['SO heeft geen eigen betaaltitel in de Zvw', 'Eén financiering binnen één domein', 'Aanpassing subsidieregeling extramurale behandeling'],
      { regeling: 'Subsidieregeling extramurale behandeling', gevraagdeRuimte: 'Declareren zonder CIZ-indicatie', adressaat: 'VWS', indiener: 'Norschoten', status: 'ingediend' },
      'a1',
    )
    a2 = drawChain(
      clientA.doc,
      'Huisarts in the lead',
      ['Huisarts kent de regels niet; "dat mag niet"', 'Experimenteer-AMvB nodig', 'Experimenteerruimte in de Wlz'],
      { regeling: 'Wlz', adressaat: 'NZa' },
      'a2',
    )
    // A request whose text Excel would otherwise run as a formula (R4), without links.
    a3 = addSticky(clientA.doc, { text: '=HYPERLINK("http://x")', tag: 'regelruimte', sheet: 'Huisarts in the lead' }).id
    b1 = drawChain(
      clientB.doc,
      'Wijk',
      ['Geen gedeeld dossier in de wijk', 'Gegevens delen mag binnen de wijk', 'Ruimte in de AVG-uitleg voor wijkteams'],
      { regeling: 'NZa-beleidsregel', adressaat: 'NZa', status: 'in behandeling' },
      'b1',
    )
    await waitFor(async () => (await register(f.creds.admin)).body.rows?.length === 4, 'four requests in the register')
  })

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await f.server.close()
    removeTempDirs()
  })

  it('[R1][R2] the JSON register has one row per request across sessions, with session, themagroep, fields, status, conclusies and factors', async () => {
    const { status, body } = await register(f.creds.admin)
    expect(status).toBe(200)
    expect(body.schemaVersion).toBe(1)
    expect(body.rows.map((r) => [r.themagroep, r.sessionId, r.stickyId, r.nummer])).toEqual([
      [GROEP_A, f.session.id, a1.regelruimte, 'R1'],
      [GROEP_A, f.session.id, a2.regelruimte, 'R2'],
      [GROEP_A, f.session.id, a3, 'R3'],
      [GROEP_B, f.otherSession.id, b1.regelruimte, 'R1'],
    ])
    const first = body.rows[0]!
    expect(first).toMatchObject({
      sessionTitle: 'Brownpapersessie A',
      sessionDate: '2026-06-22',
      text: 'Aanpassing subsidieregeling extramurale behandeling',
      gevraagdeRuimte: 'Declareren zonder CIZ-indicatie',
      regeling: 'Subsidieregeling extramurale behandeling',
      adressaat: 'VWS',
      indiener: 'Norschoten',
      status: 'ingediend',
      conclusies: ['Eén financiering binnen één domein'],
      factoren: ['SO heeft geen eigen betaaltitel in de Zvw'],
    })
    expect(body.rows[1]).toMatchObject({ status: 'concept', regeling: 'Wlz', adressaat: 'NZa', gevraagdeRuimte: null, indiener: null, conclusies: ['Experimenteer-AMvB nodig'] })
    expect(body.rows[2]).toMatchObject({ text: '=HYPERLINK("http://x")', conclusies: [], factoren: [] })
    expect(body.rows[3]).toMatchObject({ sessionTitle: 'Brownpapersessie B', sessionDate: null, status: 'in behandeling', conclusies: ['Gegevens delen mag binnen de wijk'] })
  })

  it('[R12] each row carries its evidence chain as links: the conclusies with the factors behind each, and the stickies linked directly', async () => {
    const { body } = await register(f.creds.admin)
    expect(body.rows[0]!.keten).toEqual({
      conclusies: [{ text: 'Eén financiering binnen één domein', factoren: ['SO heeft geen eigen betaaltitel in de Zvw'] }],
      direct: [],
    })
    expect(body.rows[2]!.keten).toEqual({ conclusies: [], direct: [] })

    // A sticky linked straight to the request is in the chain as direct; taken away again, the chain is empty.
    const doc = clients[0]!.doc
    const direct = addSticky(doc, { text: 'Brief van de NZa over declareren', tag: 'belemmerend', sheet: 'Huisarts in the lead' }).id
    link(doc, 'shape:r12-direct', direct, a3)
    const withDirect = await waitFor(async () => (await register(f.creds.admin)).body.rows.find((r) => r.stickyId === a3 && r.keten.direct.length > 0), 'the direct link in the register')
    expect(withDirect.keten).toEqual({ conclusies: [], direct: ['Brief van de NZa over declareren'] })
    doc.transact(() => {
      // The arrow, its bindings (which name the arrow) and the sticky.
      const gone = [...recordsOf(doc).map.entries()].filter(([key, r]) => key === direct || JSON.stringify(r.val).includes('r12-direct')).map(([key]) => key)
      for (const key of gone) recordsOf(doc).delete(key)
    })
    await waitFor(async () => (await register(f.creds.admin)).body.rows.find((r) => r.stickyId === a3)?.keten.direct.length === 0, 'the link gone again')
  })

  it('[R1][R2] the register agrees with each session’s verslag: same numbers, texts and statuses', async () => {
    const { body } = await register(f.creds.admin)
    for (const session of [f.session, f.otherSession]) {
      const verslag = await f.server.api<{ sections: { kind: string; verzoeken?: { nummer: string; item: { id: string; text: string }; status: string }[] }[] }>(
        'GET',
        `/api/sessions/${session.id}/verslag.json`,
      )
      const verzoeken = verslag.body.sections.find((s) => s.kind === 'regelruimte')?.verzoeken ?? []
      expect(body.rows.filter((r) => r.sessionId === session.id).map((r) => [r.nummer, r.stickyId, r.text, r.status])).toEqual(
        verzoeken.map((v) => [v.nummer, v.item.id, v.item.text, v.status]),
      )
    }
  })

  it('[R5] a request drawn on a live board starts its history with who made it (from null)', async () => {
    const { body } = await register(f.creds.admin)
    for (const row of body.rows) {
      expect(row.history[0]).toMatchObject({ from: null, to: row.status, actor: 'admin' })
      expect(Number.isNaN(Date.parse(row.history[0]!.at))).toBe(false)
    }
  })

  it('[R3] filters by themagroep and by status; an unknown status is a 400 JSON error', async () => {
    const byGroup = await register(f.creds.admin, `?themagroep=${encodeURIComponent(GROEP_B)}`)
    expect(byGroup.body.rows.map((r) => r.stickyId)).toEqual([b1.regelruimte])
    const byStatus = await register(f.creds.admin, `?status=${encodeURIComponent('ingediend,in behandeling')}`)
    expect(byStatus.body.rows.map((r) => r.stickyId)).toEqual([a1.regelruimte, b1.regelruimte])
    const repeated = await register(f.creds.admin, '?status=concept&status=ingediend')
    expect(repeated.body.rows.map((r) => r.status).sort()).toEqual(['concept', 'concept', 'ingediend'])
    const bad = await f.server.api<{ error: string; message: string }>('GET', '/api/regelruimte.json?status=goedgekeurd')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_query')
    expect(bad.body.message).toContain('goedgekeurd')
    const badCsv = await f.server.api<{ error: string }>('GET', '/api/regelruimte.csv?status=goedgekeurd')
    expect(badCsv.status).toBe(400)
    expect(badCsv.body.error).toBe('invalid_query')
  })

  it('[R3] the same data gives the same bytes, in JSON and CSV', async () => {
    const get = async (path: string) => {
      const res = await fetch(`${f.server.url}${path}`, { headers: f.creds.admin.headers })
      return Buffer.from(await res.arrayBuffer()).toString('hex')
    }
    expect(await get('/api/regelruimte.json')).toBe(await get('/api/regelruimte.json'))
    expect(await get('/api/regelruimte.csv')).toBe(await get('/api/regelruimte.csv'))
  })

  it('[R4] the CSV is a semicolon-separated UTF-8 download with a BOM that parses back into the JSON rows', async () => {
    const res = await fetch(`${f.server.url}/api/regelruimte.csv`, { headers: f.creds.admin.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="regelruimte-register.csv"')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFThemagroep;Sessie;Datum sessie;Nummer;Verzoek;Gevraagde ruimte;Regeling;Adressaat;Indiener;Status;Status sinds;Volgt uit (conclusies);Factoren;Statusgeschiedenis;Sessie-id;Sticky-id',
    )
    const records = parse(Buffer.from(bytes), { bom: true, delimiter: ';', columns: true, record_delimiter: '\r\n' }) as Record<string, string>[]
    const { body } = await register(f.creds.admin)
    expect(records).toHaveLength(body.rows.length)
    body.rows.forEach((row: RegisterRow, i) => {
      const record = records[i]!
      expect(record['Themagroep']).toBe(row.themagroep)
      expect(record['Sessie']).toBe(row.sessionTitle)
      expect(record['Datum sessie']).toBe(row.sessionDate ?? '')
      expect(record['Nummer']).toBe(row.nummer)
      expect(record['Regeling']).toBe(row.regeling ?? '')
      expect(record['Adressaat']).toBe(row.adressaat ?? '')
      expect(record['Status']).toBe(row.status)
      expect(record['Volgt uit (conclusies)']).toBe(row.conclusies.join(' | '))
      expect(record['Factoren']).toBe(row.factoren.join(' | '))
      // A random id may start with '-': the CSV guards it against formula injection, as every cell.
      expect(record['Sessie-id']).toBe(csvCell(row.sessionId))
      expect(record['Sticky-id']).toBe(csvCell(row.stickyId))
      expect(record['Statusgeschiedenis']?.split(' | ')).toHaveLength(row.history.length)
      // Excel would run a cell starting with "=" as a formula: it gets a leading apostrophe.
      expect(record['Verzoek']).toBe(row.text.startsWith('=') ? `'${row.text}` : row.text)
    })
    // A quote and a semicolon inside a cell survive the round trip.
    expect(records[1]!['Factoren']).toBe('Huisarts kent de regels niet; "dat mag niet"')
    const english = await fetch(`${f.server.url}/api/regelruimte.csv?lang=en`, { headers: f.creds.admin.headers })
    expect((await english.text()).split('\r\n')[0]).toContain('Request;Room asked for;Rule;Addressee')
  })

  it('[R9] the .xlsx has the CSV’s columns with a frozen, filtered header, dates as dates, the filters of R3, and is for accounts only', async () => {
    const res = await fetch(`${f.server.url}/api/regelruimte.xlsx?status=ingediend`, { headers: f.creds.admin.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="regelruimte-register.xlsx"')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['Themagroep', 'Sessie', 'Datum sessie', 'Nummer', 'Verzoek'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBeTruthy()
    const { body } = await register(f.creds.admin, '?status=ingediend')
    expect(body.rows.length).toBeGreaterThan(0)
    expect(sheet.rowCount).toBe(body.rows.length + 1)
    body.rows.forEach((row, i) => {
      const cells = sheet.getRow(i + 2)
      expect(cells.getCell(5).value).toBe(row.text)
      expect(cells.getCell(10).value).toBe(row.status)
      const date = cells.getCell(3).value
      if (row.sessionDate) expect((date as Date).toISOString().slice(0, 10)).toBe(row.sessionDate)
      else expect(date).toBeNull()
    })
    const participant = await fetch(`${f.server.url}/api/regelruimte.xlsx`, { headers: f.creds.deelnemer.headers })
    expect(participant.status).toBe(403)
  })

  it('[R1][P4][P12][R11] a member of one themagroep sees only its rows; an invited secretariaat those of its session’s themagroep; a deelnemer or waarnemer is refused', async () => {
    const only = async (cred: Credential) => new Set((await register(cred)).body.rows.map((r) => r.themagroep))
    expect(await only(f.creds.coordinator)).toEqual(new Set([GROEP_A]))
    expect(await only(f.creds.secretariaatAccount)).toEqual(new Set([GROEP_A]))
    expect(await only(f.creds.otherCoordinator)).toEqual(new Set([GROEP_B]))
    const asked = await register(f.creds.coordinator, `?themagroep=${encodeURIComponent(GROEP_B)}`)
    expect(asked.status).toBe(200)
    expect(asked.body.rows).toEqual([])
    const csv = await fetch(`${f.server.url}/api/regelruimte.csv`, { headers: f.creds.otherCoordinator.headers })
    const records = parse(Buffer.from(await csv.arrayBuffer()), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]
    expect(records.map((r) => r['Sticky-id'])).toEqual([csvCell(b1.regelruimte)])
    expect(await only(f.creds.secretariaat)).toEqual(new Set([GROEP_A]))
    expect((await register(f.creds.deelnemer)).status).toBe(403)
    expect((await register(f.creds.waarnemer)).status).toBe(403)
    expect((await register(f.creds.anonymous)).status).toBe(401)
  })

  it('[R6][R5][P18] a status set through PATCH reaches a connected board live, lands in the history with the caller, and is audited', async () => {
    const watcher = connectYClient(f.server.wsUrl, f.session.id)
    clients.push(watcher)
    await watcher.synced
    const res = await patch(f.creds.secretariaatAccount, f.session.id, a1.regelruimte, { status: 'toegekend' })
    expect(res.status).toBe(200)
    const answer = statusPatchResponseSchema.parse(res.body)
    expect(answer).toMatchObject({ sessionId: f.session.id, stickyId: a1.regelruimte, status: 'toegekend', changed: true })
    const last = answer.history[answer.history.length - 1]
    expect(last).toMatchObject({ from: 'ingediend', to: 'toegekend', actorName: 'Sanne Secretariaat <secretariaat@programma.nl>' })
    expect(last?.actor).toMatch(/^user:/)
    await waitFor(() => metaOf(watcher.doc, a1.regelruimte).status === 'toegekend', 'the new status on the connected board')
    expect(metaOf(watcher.doc, a1.regelruimte)).toMatchObject({ regeling: 'Subsidieregeling extramurale behandeling', tag: 'regelruimte' })

    const row = (await register(f.creds.admin)).body.rows.find((r) => r.stickyId === a1.regelruimte)
    expect(row?.status).toBe('toegekend')
    expect(row?.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'ingediend'],
      ['ingediend', 'toegekend'],
    ])
    const audit = await f.server.api<{ action: string; sessionId: string | null; detail: string }[]>('GET', '/api/audit')
    expect(audit.body.find((e) => e.action === 'regelruimte.status')).toMatchObject({
      sessionId: f.session.id,
      detail: `PATCH /api/regelruimte/${f.session.id}/${encodeURIComponent(a1.regelruimte)}`,
    })

    const again = statusPatchResponseSchema.parse((await patch(f.creds.coordinator, f.session.id, a1.regelruimte.replace(/^shape:/, ''), { status: 'toegekend' })).body)
    expect(again.changed).toBe(false)
    expect(again.history).toHaveLength(2)
  })

  it('[R5][P6] a status changed on the board by a participant is recorded with the participant’s name', async () => {
    const board = connectYClient(f.server.wsUrl, f.session.id, { params: { token: f.invites.secretariaat.token } })
    clients.push(board)
    await board.synced
    const kv = recordsOf(board.doc)
    const record = kv.get(a2.regelruimte)!
    kv.set(a2.regelruimte, { ...record, meta: { ...metaOf(board.doc, a2.regelruimte), status: 'ingediend' } })
    const row = await waitFor(
      async () => (await register(f.creds.admin)).body.rows.find((r) => r.stickyId === a2.regelruimte && r.status === 'ingediend'),
      'the board’s change in the register',
    )
    expect(row.history[row.history.length - 1]).toMatchObject({ from: 'concept', to: 'ingediend' })
    expect(row.history[row.history.length - 1]?.actor).toMatch(/^participant:/)
  })

  it('[R6] a bad status is 400, an unknown session or sticky is 404, a sticky that is no request is 404; nothing is written', async () => {
    const before = await f.server.storage.regelruimteStatus.listForSession(f.session.id)
    const bad = await patch(f.creds.admin, f.session.id, a3, { status: 'goedgekeurd' })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: 'invalid_body' })
    expect((await patch(f.creds.admin, f.session.id, a3, {})).status).toBe(400)
    const noSession = await patch(f.creds.admin, 'onbekende-sessie-123', a3, { status: 'ingediend' })
    expect(noSession.status).toBe(404)
    expect(noSession.body).toMatchObject({ error: 'session_not_found' })
    const noSticky = await patch(f.creds.admin, f.session.id, 'shape:bestaatniet', { status: 'ingediend' })
    expect(noSticky.status).toBe(404)
    expect(noSticky.body).toMatchObject({ error: 'sticky_not_found' })
    const notARequest = await patch(f.creds.admin, f.session.id, a1.conclusie, { status: 'ingediend' })
    expect(notARequest.status).toBe(404)
    expect(notARequest.body).toMatchObject({ error: 'sticky_not_found' })
    const forbidden = await patch(f.creds.deelnemer, f.session.id, a3, { status: 'ingediend' })
    expect(forbidden.status).toBe(403)
    expect(await f.server.storage.regelruimteStatus.listForSession(f.session.id)).toEqual(before)
    const row = (await register(f.creds.admin)).body.rows.find((r) => r.stickyId === a3)
    expect(row?.status).toBe('concept')
  })
})

describe('the register for an invited secretariaat (SPEC R11)', () => {
  it('[R11] an invited secretariaat sees the requests of every session of its session’s themagroep, as JSON, CSV and .xlsx, and sets a status only in its own session', async () => {
    const f = await accessFixture(await startTestServer({ loginAttempts: 1000 }))
    try {
      const second = await f.server.api<{ id: string }>('POST', '/api/sessions', { title: 'Tweede sessie A', themagroep: GROEP_A }, f.creds.coordinator.unsafeHeaders)
      expect(second.status).toBe(201)
      const request = async (sessionId: string, text: string) => {
        const res = await f.server.api<{ id: string }>('POST', `/api/sessions/${sessionId}/stickies`, { text, tag: 'regelruimte' })
        expect(res.status).toBe(201)
        return res.body.id
      }
      const own = await request(f.session.id, 'Ruimte voor SO buiten het verpleeghuis')
      const sibling = await request(second.body.id, 'Ruimte voor wijkverpleging in de Zvw')
      const foreign = await request(f.otherSession.id, 'Ruimte in de AVG-uitleg voor wijkteams')
      const cred = f.creds.secretariaat

      const json = await f.server.api<Register>('GET', '/api/regelruimte.json', undefined, cred.headers)
      expect(json.status).toBe(200)
      const ids = json.body.rows.map((r) => r.stickyId).sort()
      expect(ids).toEqual([own, sibling].sort())
      expect(new Set(json.body.rows.map((r) => r.sessionId))).toEqual(new Set([f.session.id, second.body.id]))
      // Asking for another themagroep gives no rows, not an error (R3).
      const asked = await f.server.api<Register>('GET', `/api/regelruimte.json?themagroep=${encodeURIComponent(GROEP_B)}`, undefined, cred.headers)
      expect(asked.body.rows).toEqual([])

      const csv = await fetch(`${f.server.url}/api/regelruimte.csv`, { headers: cred.headers })
      expect(csv.status).toBe(200)
      const records = parse(Buffer.from(await csv.arrayBuffer()), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]
      expect(records.map((r) => r['Sticky-id']).sort()).toEqual(ids.map(csvCell).sort())
      const xlsx = await fetch(`${f.server.url}/api/regelruimte.xlsx`, { headers: cred.headers })
      expect(xlsx.status).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await xlsx.arrayBuffer())
      const texts = workbook.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[])[5])
      expect(texts.sort()).toEqual(['Ruimte voor SO buiten het verpleeghuis', 'Ruimte voor wijkverpleging in de Zvw'])
      expect(JSON.stringify(texts)).not.toContain('AVG-uitleg')
      expect(ids).not.toContain(foreign)

      // Reading is not changing: the status of a request in another session stays the secretariaat of that session's (P8).
      const elsewhere = await f.server.api('PATCH', `/api/regelruimte/${second.body.id}/${encodeURIComponent(sibling)}`, { status: 'ingediend' }, cred.unsafeHeaders)
      expect(elsewhere.status).toBe(403)
      const mine = await f.server.api('PATCH', `/api/regelruimte/${f.session.id}/${encodeURIComponent(own)}`, { status: 'ingediend' }, cred.unsafeHeaders)
      expect(mine.status).toBe(200)

    } finally {
      await f.server.close()
    }
  })
})

describe('regelruimte register without open rooms (SPEC R7)', () => {
  it('[R7] reads unloaded sessions from the store without loading their rooms', async () => {
    const server = await startTestServer({ idleUnloadMs: 20 })
    try {
      const session = await server.createSession({ title: 'Opgeslagen sessie' })
      const res = await server.api<{ id: string }>('POST', `/api/sessions/${session.id}/stickies`, { text: 'Ruimte in de Zvw', tag: 'regelruimte' })
      expect(res.status).toBe(201)
      await waitFor(() => server.rooms.loadedCount === 0, 'the room unloaded')
      const { status, body } = await server.api<Register>('GET', '/api/regelruimte.json')
      expect(status).toBe(200)
      expect(body.rows.map((r) => [r.sessionTitle, r.text, r.status, r.stickyId])).toEqual([['Opgeslagen sessie', 'Ruimte in de Zvw', 'concept', res.body.id]])
      expect(body.rows[0]?.history).toMatchObject([{ from: null, to: 'concept', actor: 'admin' }])
      expect(server.rooms.loadedCount).toBe(0)
    } finally {
      await server.close()
      removeTempDirs()
    }
  })

  it('[R5][S4] the history survives a restart, and reloading a room records nothing new', async () => {
    let server = await startTestServer({ idleUnloadMs: 20 })
    try {
      const session = await server.createSession({ title: 'Herstart' })
      const sticky = await server.api<{ id: string }>('POST', `/api/sessions/${session.id}/stickies`, { text: 'Ruimte in de Wlz', tag: 'regelruimte' })
      await waitFor(() => server.rooms.loadedCount === 0, 'the room unloaded')
      // The PATCH loads the room again: only the change itself is new.
      const res = await server.api<unknown>('PATCH', `/api/regelruimte/${session.id}/${sticky.body.id}`, { status: 'ingediend' })
      expect(res.status).toBe(200)
      expect(statusPatchResponseSchema.parse(res.body).history.map((h) => [h.from, h.to, h.actor])).toEqual([
        [null, 'concept', 'admin'],
        ['concept', 'ingediend', 'admin'],
      ])
      server = await restartTestServer(server)
      const client = connectYClient(server.wsUrl, session.id)
      await client.synced
      expect(metaOf(client.doc, sticky.body.id).status).toBe('ingediend')
      client.destroy()
      const { body } = await server.api<Register>('GET', '/api/regelruimte.json')
      expect(body.rows[0]?.history.map((h) => [h.from, h.to])).toEqual([
        [null, 'concept'],
        ['concept', 'ingediend'],
      ])
    } finally {
      await server.close()
      removeTempDirs()
    }
  })
})
