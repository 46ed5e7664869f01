/**
 * An audit log people can read (SPEC G9–G12): previews are not exports,
 * actions in words in Dutch and English, filters by session, person and
 * action, and a CSV download.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../shared/access'
import { describeAudit } from '../../shared/auditWords'
import { accessFixture } from '../helpers/accessFixture'
import { startTestServer, type TestServer } from '../helpers/startTestServer'

let server: TestServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

async function setup() {
  const s = await startTestServer()
  server = s
  const f = await accessFixture(s)
  const anna = f.creds.coordinator
  return { s, f, anna }
}

describe('audit log in words (G9–G12)', () => {
  it('[G9] live previews of the verslag are not counted as exports; a real download is, once', async () => {
    const { s, f, anna } = await setup()
    for (let i = 0; i < 3; i++) expect((await s.api('GET', `/api/sessions/${f.session.id}/verslag.json?preview=1`, undefined, anna.headers)).status).toBe(200)
    expect((await s.api('GET', `/api/sessions/${f.session.id}/verslag.json?preview=1&lang=en`, undefined, anna.headers)).status).toBe(200)
    expect((await s.api('GET', `/api/sessions/${f.session.id}/verslag.docx`, undefined, anna.headers)).status).toBe(200)
    const log = await s.api<AuditEntry[]>('GET', '/api/audit?action=verslag.export')
    expect(log.body).toHaveLength(1)
    expect(log.body[0]!.detail).toMatch(/verslag\.docx$/)
  })

  it('[G10] each entry reads as a sentence in Dutch and English: "Anna exporteerde het verslag als Word"', async () => {
    const { s, f, anna } = await setup()
    await s.api('GET', `/api/sessions/${f.session.id}/verslag.docx`, undefined, anna.headers)
    const [entry] = (await s.api<AuditEntry[]>('GET', '/api/audit?action=verslag.export')).body
    expect(describeAudit(entry!, 'nl')).toBe('Anna Coördinator exporteerde het verslag als Word')
    expect(describeAudit(entry!, 'en')).toBe('Anna Coördinator exported the verslag as Word')
    expect(describeAudit({ action: 'login.failed', actorName: 'iemand@voorbeeld.nl', detail: '' }, 'nl')).toBe('Mislukte inlogpoging voor iemand@voorbeeld.nl')
    expect(describeAudit({ action: 'iets.nieuws', actorName: 'Bea', detail: '' }, 'en')).toBe('Bea: iets.nieuws')
  })

  it('[G11] the log filters by session, person and action', async () => {
    const { s, f, anna } = await setup()
    await s.api('GET', `/api/sessions/${f.session.id}/verslag.md`, undefined, anna.headers)
    await s.api('GET', `/api/sessions/${f.otherSession.id}/verslag.md`)
    const bySession = (await s.api<AuditEntry[]>('GET', `/api/audit?sessionId=${f.session.id}`)).body
    expect(bySession.length).toBeGreaterThan(0)
    expect(bySession.every((e) => e.sessionId === f.session.id)).toBe(true)
    const byPerson = (await s.api<AuditEntry[]>('GET', '/api/audit?person=anna')).body
    expect(byPerson.length).toBeGreaterThan(0)
    expect(byPerson.every((e) => e.actorName.startsWith('Anna Coördinator'))).toBe(true)
    const byAction = (await s.api<AuditEntry[]>('GET', '/api/audit?action=verslag.export')).body
    expect(byAction.map((e) => e.sessionId).sort()).toEqual([f.session.id, f.otherSession.id].sort())
    expect((await s.api<AuditEntry[]>(`GET`, `/api/audit?action=verslag.export&person=anna`)).body.map((e) => e.sessionId)).toEqual([f.session.id])
  })

  it('[G12] GET /api/audit.csv downloads the filtered log in words, Dutch or English', async () => {
    const { s, f, anna } = await setup()
    await s.api('GET', `/api/sessions/${f.session.id}/verslag.docx`, undefined, anna.headers)
    const nl = await fetch(`${s.url}/api/audit.csv?action=verslag.export`, { headers: { authorization: `Bearer ${s.options.adminToken}` } })
    expect(nl.status).toBe(200)
    expect(nl.headers.get('content-type')).toContain('text/csv')
    const text = await nl.text()
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('Tijd;Wat;Wie;Themagroep;Sessie;Actie;Detail')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('Anna Coördinator exporteerde het verslag als Word')
    const en = await (await fetch(`${s.url}/api/audit.csv?action=verslag.export&lang=en`, { headers: { authorization: `Bearer ${s.options.adminToken}` } })).text()
    expect(en).toContain('Anna Coördinator exported the verslag as Word')
  })
})
