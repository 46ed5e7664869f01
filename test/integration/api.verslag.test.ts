import { readFileSync } from 'node:fs'
import path from 'node:path'
import mammoth from 'mammoth'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { readBoard } from '../../shared/boardModel'
import { addSticky, allRecords, readSessionInfo } from '../../shared/ydoc'
import { verslagSchema, type Verslag } from '../../shared/verslag/schema'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { link } from '../helpers/verslagBoard'
import { waitFor } from '../helpers/waitFor'

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

  it('[V11][V12][V13][V14] the four formats and the calendar come with the right types and filenames', async () => {
    server = await startTestServer()
    const session = await server.createSession({ title: 'Brownpapersessie 22 juni' })
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
    await waitFor(() => readBoard(allRecords(client.doc)).stickies.length === 4)
    // Arrows drawn by a board client, as the canvas does.
    link(client.doc, 'shape:arrow-a', factor, conclusie)
    link(client.doc, 'shape:arrow-b', conclusie, regelruimte)
    const json = async () => verslagSchema.parse(await (await get(`/api/sessions/${session.id}/verslag.json`)).json()) as Verslag
    await waitFor(async () => {
      const v = await json()
      return v.sections.some((s) => s.kind === 'regelruimte' && s.verzoeken[0]?.conclusies.length === 1)
    })

    const jsonRes = await get(`/api/sessions/${session.id}/verslag.json`)
    expect(jsonRes.headers.get('content-type')).toMatch(/^application\/json/)
    const v = verslagSchema.parse(await jsonRes.json())
    const rr = v.sections.find((s) => s.kind === 'regelruimte')
    expect(rr?.kind === 'regelruimte' && rr.verzoeken[0]!.conclusies[0]!.factoren[0]!.id).toBe(factor)

    const html = await get(`/api/sessions/${session.id}/verslag.html`)
    expect(html.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/)
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'")
    const htmlText = await html.text()
    expect(htmlText).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(htmlText).not.toContain('<img src=x')

    const docx = await get(`/api/sessions/${session.id}/verslag.docx`)
    expect(docx.headers.get('content-type')).toBe(DOCX)
    expect(docx.headers.get('content-disposition')).toBe(
      `attachment; filename="verslag-brownpapersessie-22-juni-2026-06-22.docx"; filename*=UTF-8''Verslag%20Brownpapersessie%2022%20juni%202026-06-22.docx`,
    )
    const bytes = Buffer.from(await docx.arrayBuffer())
    const again = Buffer.from(await (await get(`/api/sessions/${session.id}/verslag.docx`)).arrayBuffer())
    expect(Buffer.compare(bytes, again)).toBe(0)
    const docHtml = (await mammoth.convertToHtml({ buffer: bytes })).value
    expect(docHtml).toContain('<h2>Regelruimte</h2>')
    expect(docHtml).toContain('Eén financiering binnen één domein')

    // A calendar needs an afspraak with a date (V23).
    addSticky(client.doc, { text: 'Werksessie', tag: 'afspraak', extraMeta: { wanneer: '2026-06-22', tijdVan: '09:30' } })
    const ics = await waitFor(async () => {
      const r = await get(`/api/sessions/${session.id}/afspraken.ics`)
      return r.status === 200 ? r : null
    }, 'the calendar')
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR/)
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

  it('[I12] only a themacoördinator may import', async () => {
    server = await startTestServer()
    const anonymous = await fetch(`${server.url}/api/sessions/import`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Verslag: x' })
    expect(anonymous.status).toBe(401)
  })
})
