import { readFileSync } from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import mammoth from 'mammoth'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { readBoard } from '../../shared/boardModel'
import { allRecords, readSessionInfo, recordsOf, type StoredRecord } from '../../shared/ydoc'
import { importReportSchema } from '../../shared/verslag/importReport'
import { verslagSchema, type Verslag } from '../../shared/verslag/schema'
import { z } from 'zod'
import { accessFixture, GROEP_A, WHO, type Who } from '../helpers/accessFixture'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { link } from '../helpers/verslagBoard'
import { waitFor } from '../helpers/waitFor'

const importReportResponse = z.object({ id: z.string(), report: importReportSchema })

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const FIXTURE = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'verslagen', 'so-in-de-eerstelijn-2016-06.txt'))

describe('HTTP API: verslag export and import', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  const get = (p: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${p}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...headers } })
  const importBody = (body: BodyInit, type: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/sessions/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': type, ...headers },
      body,
    })

  it('[I12][I9] POST /api/sessions/import with text/plain answers 201, lists the session, and its verslag.md has every bullet', async () => {
    server = await startTestServer()
    const res = await importBody(FIXTURE, 'text/plain; charset=utf-8')
    expect(res.status).toBe(201)
    const created = (await res.json()) as SessionSummary & { stickyCount: number }
    expect(created.title).toBe('Duurzame en structurele bekostiging van de SO in de eerstelijn')
    expect(created.stickyCount).toBeGreaterThan(20)
    const list = await server.api<SessionSummary[]>('GET', '/api/sessions')
    expect(list.body.map((s) => s.id)).toContain(created.id)
    expect((await server.api('GET', `/api/sessions/${created.id}`)).body).toMatchObject({ id: created.id, title: created.title })

    const md = await get(`/api/sessions/${created.id}/verslag.md`)
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown; charset=utf-8/)
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename="verslag-duurzame[^"]*\.md"; filename\*=UTF-8''Verslag/)
    const text = await md.text()
    for (const line of FIXTURE.toString('utf8').split('\n').filter((l) => l.includes('•'))) {
      expect(text).toContain(line.replace(/^\s*•\s*/, '').trim().replace(/([\\`*_[\]<>])/g, '\\$1'))
    }
  })

  it('[V11][V12][V13][V14][V23][V25] every format and the calendar come with the right type, disposition and filename', async () => {
    server = await startTestServer()
    const session = await server.createSession({ title: 'Brownpapersessie één loket', date: '2026-06-22' })
    const client = connectYClient(server.wsUrl, session.id)
    clients.push(client)
    await client.synced
    const sticky = async (body: Record<string, unknown>) => {
      const r = await server.api<{ id: string }>('POST', `/api/sessions/${session.id}/stickies`, body)
      expect(r.status).toBe(201)
      return r.body.id
    }
    const factor = await sticky({ text: 'SO heeft geen eigen betaaltitel in ZVW', tag: 'belemmerend', sheet: 'Bevorderend en belemmerend' })
    const conclusie = await sticky({ text: 'Eén financiering binnen één domein', tag: 'conclusie', sheet: 'Conclusies' })
    const regelruimte = await sticky({ text: 'Experimenteer-AMvB hoofdbehandelaar SO', tag: 'regelruimte', sheet: 'Regelruimte' })
    await sticky({ text: '<img src=x onerror=alert(1)>', tag: 'opmerking' })
    const afspraak = await sticky({ text: 'Werksessie regelruimte', tag: 'afspraak' })
    await waitFor(() => readBoard(allRecords(client.doc)).stickies.length === 5)
    // The afspraak's fields, filled in on the board as the side panel does.
    const records = recordsOf(client.doc)
    const record = records.get(afspraak) as StoredRecord
    records.set(afspraak, {
      ...record,
      meta: { ...(record.meta as object), wie: 'Kleine geleding', wanneer: '2026-07-01', tijdVan: '09:30', tijdTot: '11:30', waar: 'Norschoten in Barneveld' },
    })
    // Arrows drawn by a board client, as the canvas does.
    link(client.doc, 'shape:arrow-a', factor, conclusie)
    link(client.doc, 'shape:arrow-b', conclusie, regelruimte)
    const json = async () => verslagSchema.parse(await (await get(`/api/sessions/${session.id}/verslag.json`)).json()) as Verslag
    await waitFor(async () => {
      const v = await json()
      return v.sections.some((s) => s.kind === 'regelruimte' && s.verzoeken[0]?.conclusies.length === 1) && v.sections.some((s) => s.kind === 'afspraken' && s.afspraken[0]?.waar)
    })
    const base = 'Verslag Brownpapersessie één loket 2026-06-22'
    const ascii = 'verslag-brownpapersessie-een-loket-2026-06-22'
    const attachment = (name: string, asciiName: string) => `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`

    const jsonRes = await get(`/api/sessions/${session.id}/verslag.json`)
    expect(jsonRes.status).toBe(200)
    expect(jsonRes.headers.get('content-type')).toMatch(/^application\/json/)
    expect(jsonRes.headers.get('content-disposition')).toBeNull()
    const v = verslagSchema.parse(await jsonRes.json())
    const rr = v.sections.find((s) => s.kind === 'regelruimte')
    expect(rr?.kind === 'regelruimte' && rr.verzoeken[0]!.conclusies[0]!.factoren[0]!.id).toBe(factor)

    const md = await get(`/api/sessions/${session.id}/verslag.md`)
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown; charset=utf-8/)
    expect(md.headers.get('content-disposition')).toBe(attachment(`${base}.md`, `${ascii}.md`))
    const mdText = await md.text()
    // CommonMark with a pipe table for regelruimte (V11).
    expect(mdText).toMatch(/^\| *R1 *\| *Experimenteer-AMvB hoofdbehandelaar SO/m)
    expect(mdText).toMatch(/^\|( *-+ *\|)+$/m)
    expect(mdText).toContain('\\<img src=x onerror=alert(1)\\>')

    const html = await get(`/api/sessions/${session.id}/verslag.html`)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/)
    expect(html.headers.get('content-disposition')).toBeNull()
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'")
    const htmlText = await html.text()
    expect(htmlText).toMatch(/^<!doctype html>/i)
    expect(htmlText).toMatch(/@page\s*\{[^}]*size:\s*A4/)
    expect(htmlText).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(htmlText).not.toContain('<img src=x')

    const pdf = await get(`/api/sessions/${session.id}/verslag.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"/)
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    const docx = await get(`/api/sessions/${session.id}/verslag.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe(DOCX)
    expect(docx.headers.get('content-disposition')).toBe(attachment(`${base}.docx`, `${ascii}.docx`))
    const bytes = Buffer.from(await docx.arrayBuffer())
    const again = Buffer.from(await (await get(`/api/sessions/${session.id}/verslag.docx`)).arrayBuffer())
    expect(Buffer.compare(bytes, again)).toBe(0)
    const docHtml = (await mammoth.convertToHtml({ buffer: bytes })).value
    expect(docHtml).toContain('<h2>Regelruimte</h2>')
    expect(docHtml).toContain('<table>')
    expect(docHtml).toContain('Eén financiering binnen één domein')

    const ics = await get(`/api/sessions/${session.id}/afspraken.ics`)
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(ics.headers.get('content-disposition')).toBe(attachment(`Afspraken ${base}.ics`, `afspraken-${ascii}.ics`))
    const calendar = (await ics.text()).replace(/\r\n[ \t]/g, '')
    expect(calendar).toMatch(/^BEGIN:VCALENDAR/)
    const events = calendar.split('BEGIN:VEVENT').slice(1).filter((e) => e.includes('SUMMARY:Werksessie regelruimte'))
    expect(events).toHaveLength(1)
    // Times in Europe/Amsterdam (V23), until tijdTot.
    expect(events[0]).toMatch(/DTSTART;TZID=Europe\/Amsterdam:20260701T093000\r\n/)
    expect(events[0]).toMatch(/DTEND;TZID=Europe\/Amsterdam:20260701T113000\r\n/)
    expect(events[0]).toContain('LOCATION:Norschoten in Barneveld')
  })

  it('[V23] a session without a dated afspraak has no calendar: 404 no_afspraken with a readable message', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const ics = await get(`/api/sessions/${session.id}/afspraken.ics`)
    expect(ics.status).toBe(404)
    const body = (await ics.json()) as { error: string; message: string }
    expect(body.error).toBe('no_afspraken')
    expect(body.message).toMatch(/geen afspraken met een datum/)
  })

  it('[V23][V29] over HTTP: an imported verslag whose only afspraak has no date has no calendar (404 no_afspraken); an emoji afspraak of 300 characters reads back in ical.js', async () => {
    server = await startTestServer()
    const undated = await importBody('Verslag: Zonder datum\n\nAfspraken\n\n- de notitie rondsturen aan de zorgverzekeraars\n', 'text/plain')
    expect(undated.status).toBe(201)
    const none = await get(`/api/sessions/${((await undated.json()) as { id: string }).id}/afspraken.ics`)
    expect(none.status).toBe(404)
    expect((await none.json()) as unknown).toEqual({ error: 'no_afspraken', message: expect.stringMatching(/geen afspraken met een datum/) })
    const text = Array.from(`3 mei 2026 ${'overleg met huisartsen, wijkverpleging; 🧑‍⚕️ en zorgverzekeraars '.repeat(5)}`).slice(0, 300).join('').trim()
    const dated = await importBody(`Verslag: Met emoji\n\nAfspraken\n\n- ${text}\n`, 'text/plain')
    const ics = await get(`/api/sessions/${((await dated.json()) as { id: string }).id}/afspraken.ics`)
    expect(ics.status).toBe(200)
    const calendar = await ics.text()
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    expect(events).toHaveLength(1)
    expect(events[0]!.summary).toBe(Array.from(text).slice(0, 200).join(''))
    expect(events[0]!.description).toContain(text)
  })

  it('[I20] the import answers with a report of what it recognised; one call retags every sticky of a section', async () => {
    server = await startTestServer()
    const text = 'Verslag: Rapport\n\nPunten\n\n1. Eerste\n2. Tweede\n\nActies\n\n- 3 mei 2026 bellen met VWS\n\nVerder\n\n- los punt\n- nog een\n'
    const res = await fetch(`${server.url}/api/sessions/import`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/plain' }, body: text })
    expect(res.status).toBe(201)
    const created = importReportResponse.parse(await res.json())
    expect(created.report).toMatchObject({ shape: 'paragraphs', headings: 4, numberedLists: 1, bulletLists: 2, afspraken: 1, missing: ['themagroep', 'type', 'date', 'place'] })
    expect(created.report.sections.map((x) => [x.name, x.tag, x.stickies])).toEqual([
      ['Punten', 'opmerking', 2],
      ['Acties', 'afspraak', 1],
      ['Verder', 'opmerking', 2],
    ])
    const verder = created.report.sections[2]!.sheetId
    const retag = await server.api<{ changed: number }>('POST', `/api/sessions/${created.id}/sheets/${encodeURIComponent(verder)}/tag`, { tag: 'belemmerend' })
    expect(retag).toMatchObject({ status: 200, body: { changed: 2 } })
    const v = verslagSchema.parse(await (await get(`/api/sessions/${created.id}/verslag.json`)).json())
    expect(v.sections.find((x) => x.heading === 'Verder')).toMatchObject({ kind: 'factoren', tag: 'belemmerend' })
    expect((await server.api('POST', `/api/sessions/${created.id}/sheets/shape:nope/tag`, { tag: 'afspraak' })).status).toBe(404)
    expect((await server.api('POST', `/api/sessions/${created.id}/sheets/${encodeURIComponent(verder)}/tag`, { tag: 'geen-tag' })).status).toBe(400)
  })

  it('[V14] the verslag needs authorization, and an unknown session is a 404', async () => {
    server = await startTestServer()
    const session = await server.createSession()
    const anonymous = await fetch(`${server.url}/api/sessions/${session.id}/verslag.md`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ error: 'unauthorized' })
    const missing = await get('/api/sessions/doesnotexist123/verslag.json')
    expect(missing.status).toBe(404)
  })

  it('[I2][I12] a .docx upload imports as a new session', async () => {
    server = await startTestServer()
    const fromText = (await (await importBody(FIXTURE, 'text/plain')).json()) as SessionSummary
    const docx = Buffer.from(await (await get(`/api/sessions/${fromText.id}/verslag.docx`)).arrayBuffer())
    const res = await importBody(docx, DOCX)
    expect(res.status).toBe(201)
    const created = (await res.json()) as SessionSummary
    expect(created.id).not.toBe(fromText.id)
    const client = connectYClient(server.wsUrl, created.id)
    clients.push(client)
    await client.synced
    expect(readSessionInfo(client.doc)?.title).toBe('Duurzame en structurele bekostiging van de SO in de eerstelijn')
    const texts = readBoard(allRecords(client.doc)).stickies.map((s) => s.text)
    expect(texts).toContain('Eén financiering binnen één domein')
  })

  it('[I1] text that is not UTF-8 is read as Windows-1252: dashes, quotes, accents and the euro sign survive', async () => {
    server = await startTestServer()
    const text = 'Verslag: Café ‘De Ronde’\r\n\r\nOpbrengst brownpapersessie – Financiën\r\n• Tarief van € 12 per uur – te laag\r\n• Geen “eigen” betaaltitel\r\n'
    const cp1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, 'é': 0xe9, 'ë': 0xeb, '•': 0x95 }
    const bytes = Uint8Array.from([...text].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const res = await importBody(bytes, 'text/plain')
    expect(res.status).toBe(201)
    const created = (await res.json()) as SessionSummary
    expect(created.title).toBe('Café ‘De Ronde’')
    const client = connectYClient(server.wsUrl, created.id)
    clients.push(client)
    await client.synced
    const board = readBoard(allRecords(client.doc))
    expect(board.sheets.map((s) => s.name)).toContain('Financiën')
    expect(board.stickies.map((s) => s.text).sort()).toEqual(['Geen “eigen” betaaltitel', 'Tarief van € 12 per uur – te laag'])
  })

  it('[I11] empty, unreadable or wrongly typed bodies are refused with a JSON error and nothing is stored', async () => {
    server = await startTestServer()
    const before = (await server.api<SessionSummary[]>('GET', '/api/sessions')).body.length
    const empty = await importBody('', 'text/plain')
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({ error: 'empty_body' })
    const blank = await importBody('   \n\n  ', 'text/plain')
    expect(blank.status).toBe(400)
    const broken = await importBody(Buffer.from('PK\u0003\u0004garbage'), DOCX)
    expect(broken.status).toBe(400)
    expect(await broken.json()).toMatchObject({ error: 'unreadable_docx' })
    const binary = await importBody(Buffer.from([0x61, 0x00, 0x62]), 'text/plain')
    expect(binary.status).toBe(400)
    const json = await importBody(JSON.stringify({ text: 'x' }), 'application/json')
    expect(json.status).toBe(415)
    const huge = await importBody('a'.repeat(3 * 1024 * 1024), 'text/plain')
    expect(huge.status).toBe(413)
    expect((await server.api<SessionSummary[]>('GET', '/api/sessions')).body.length).toBe(before)
  })

  it('[I5][I12] ?themagroep= sets the themagroep of an imported verslag that names none', async () => {
    server = await startTestServer()
    const res = await fetch(`${server.url}/api/sessions/import?themagroep=${encodeURIComponent('Bekostiging SO')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'text/plain' },
      body: FIXTURE,
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as SessionSummary
    expect(created.themagroep).toBe('Bekostiging SO')
    const json = verslagSchema.parse(await (await get(`/api/sessions/${created.id}/verslag.json`)).json())
    expect(json.themagroep).toBe('Bekostiging SO')
  })

  it('[I12][P9] only a themacoördinator of the themagroep (or the admin) may import; every other caller is refused and nothing is stored', async () => {
    server = await startTestServer({ loginAttempts: 1000 })
    const f = await accessFixture(server)
    const body = `Verslag: Geïmporteerd\nThemagroep: ${GROEP_A}\n\nOpbrengst brownpapersessie – Samenwerking\n- Korte lijnen\n`
    const importAs = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/sessions/import`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }, body })
    const count = async () => (await server.storage.sessions.list()).length
    const before = await count()
    const refused: Partial<Record<Who, number>> = {
      anonymous: 401,
      deelnemer: 403,
      waarnemer: 403,
      secretariaat: 403,
      secretariaatAccount: 403,
      // A coördinator, but of another themagroep: GROEP_A exists and is not theirs (P9).
      otherCoordinator: 403,
    }
    for (const who of WHO.filter((w) => w in refused)) {
      const res = await importAs(f.creds[who].unsafeHeaders)
      expect(res.status, who).toBe(refused[who])
    }
    expect(await count()).toBe(before)
    for (const who of ['coordinator', 'admin'] as const) {
      const res = await importAs(f.creds[who].unsafeHeaders)
      expect(res.status, who).toBe(201)
      expect(((await res.json()) as SessionSummary).themagroep).toBe(GROEP_A)
    }
    expect(await count()).toBe(before + 2)
    expect(WHO.filter((w) => !(w in refused))).toEqual(['coordinator', 'admin'])
  })
})
