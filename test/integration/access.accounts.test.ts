/**
 * Accounts, cookie sessions, CSRF, setup, invites and the audit log over the
 * real HTTP API (SPEC Permissions P9–P18).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CSRF_HEADER, type AuditEntry, type InviteSummary, type MeResponse } from '../../shared/access'
import type { SessionSummary } from '../../shared/api'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import {
  accessFixture,
  ADMIN_CREDENTIAL,
  ANONYMOUS_CREDENTIAL,
  cookiesOf,
  createInvite,
  GROEP_A,
  GROEP_B,
  join,
  login,
  PASSWORD,
} from '../helpers/accessFixture'
import { DEFAULT_ATTEMPT_LIMITS } from '../../server/access/attemptLimits'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

describe('accounts, sessions and invites (SPEC Permissions)', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[P13] login sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie; logout ends the session', async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Anna@Groep-A.nl', password: PASSWORD }),
    })
    expect(res.status).toBe(200)
    const lines = res.headers.getSetCookie()
    const session = lines.find((l) => l.startsWith('bp_session='))!
    const csrf = lines.find((l) => l.startsWith('bp_csrf='))!
    expect(session).toMatch(/HttpOnly/i)
    expect(session).toMatch(/SameSite=Lax/i)
    expect(session).toMatch(/Path=\//)
    expect(session).not.toMatch(/Secure/i) // plain http here; Secure under https (req.secure)
    expect(csrf).not.toMatch(/HttpOnly/i)
    const body = (await res.json()) as { me: MeResponse; csrfToken: string }
    expect(body.me).toMatchObject({ kind: 'user', email: 'anna@groep-a.nl', role: 'coordinator' })
    expect(body.csrfToken).toBe(cookiesOf(res).bp_csrf)

    const cred = await login(server, 'anna@groep-a.nl')
    expect((await server.api<{ me: MeResponse }>('GET', '/api/auth/me', undefined, cred.headers)).body.me.kind).toBe('user')
    expect((await server.api('POST', '/api/auth/logout', undefined, cred.unsafeHeaders)).status).toBe(204)
    expect((await server.api<{ me: MeResponse }>('GET', '/api/auth/me', undefined, cred.headers)).body.me.kind).toBe('anonymous')
    expect((await server.api('GET', '/api/sessions', undefined, cred.headers)).status).toBe(401)
  })

  it('[P13][P23] a secure cookie is set when the request came over https through a configured proxy (TRUST_PROXY), and only then', async () => {
    const viaHttps = async () => {
      await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ email: 'anna@groep-a.nl', password: PASSWORD }),
      })
      expect(res.status).toBe(200)
      return res.headers.getSetCookie()
    }
    server = await startTestServer({ trustProxy: ['loopback'] })
    for (const line of await viaHttps()) expect(line).toMatch(/; Secure/i)
    await server.close()
    // Without a configured proxy, anyone could send the header: it is ignored.
    server = await startTestServer()
    for (const line of await viaHttps()) expect(line).not.toMatch(/; Secure/i)
  })

  it('[P13] a wrong password or unknown email answers 401 invalid_credentials, and the failure is audited', async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    for (const body of [
      { email: 'anna@groep-a.nl', password: 'wrong password!' },
      { email: 'nobody@groep-a.nl', password: PASSWORD },
    ]) {
      const res = await server.api<{ error: string }>('POST', '/api/auth/login', body, { authorization: '' })
      expect(res.status).toBe(401)
      expect(res.body.error).toBe('invalid_credentials')
    }
    const audit = await server.api<AuditEntry[]>('GET', '/api/audit')
    expect(audit.body.filter((e) => e.action === 'login.failed').map((e) => e.actor).sort()).toEqual(['anna@groep-a.nl', 'nobody@groep-a.nl'])
  })

  it('[P15][P14] login validates its body with zod (400) and accepts only JSON (415)', async () => {
    server = await startTestServer()
    const bad = await server.api<{ error: string; message: string }>('POST', '/api/auth/login', { email: 'geen e-mail' }, { authorization: '' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_body')
    expect(bad.body.message).toMatch(/email/)
    const form = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40b.nl&password=x',
    })
    expect(form.status).toBe(415)
  })

  it('[P16] the eleventh failed login for one account within the window answers 429', async () => {
    server = await startTestServer()
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      statuses.push((await server.api('POST', '/api/auth/login', { email: 'x@y.nl', password: 'wrong' }, { authorization: '' })).status)
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses[10]).toBe(429)
  })

  it('[P16] setup is rate limited too: the eleventh wrong setup token answers 429, and then even the right one waits', async () => {
    server = await startTestServer()
    const token = await server.access.issueSetupToken()
    const setup = (t: string) => server.api('POST', '/api/auth/setup', { token: t, email: 'eerste@groep.nl', name: 'Eerste', password: PASSWORD }, { authorization: '' })
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await setup('y'.repeat(43))).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(403))
    expect(statuses[10]).toBe(429)
    const limited = await setup(token!)
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ error: 'rate_limited' })
    expect(await server.access.stores.users.count()).toBe(0)
  })

  it('[P16] join is rate limited: past its budget of unknown invite tokens, 429 also for a valid one; successful joins do not count', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    const joinWith = (token: string) => server.api('POST', '/api/join', { token, name: 'Dirk', organisation: 'Zorggroep Noord' }, { authorization: '' })
    for (let i = 0; i < 12; i++) expect((await joinWith(invite.token)).status).toBe(201)
    const budget = DEFAULT_ATTEMPT_LIMITS.join.perAddress
    const statuses: number[] = []
    for (let i = 0; i <= budget; i++) statuses.push((await joinWith('z'.repeat(43))).status)
    expect(statuses.slice(0, budget)).toEqual(Array(budget).fill(404))
    expect(statuses[budget]).toBe(429)
    const limited = await joinWith(invite.token)
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ error: 'rate_limited' })
  })

  it('[P14] a cookie POST without or with a wrong CSRF header answers 403 csrf and writes nothing; the bearer token needs none', async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    const cred = await login(server, 'anna@groep-a.nl')
    const body = { title: 'Via een vervalst formulier', themagroep: GROEP_A }
    const missing = await server.api<{ error: string }>('POST', '/api/sessions', body, cred.headers)
    expect(missing.status).toBe(403)
    expect(missing.body.error).toBe('csrf')
    const wrong = await server.api('POST', '/api/sessions', body, { ...cred.headers, [CSRF_HEADER]: 'x'.repeat(43) })
    expect(wrong.status).toBe(403)
    expect((await server.api<SessionSummary[]>('GET', '/api/sessions')).body).toEqual([])
    expect((await server.api('POST', '/api/sessions', body, cred.unsafeHeaders)).status).toBe(201)
    expect((await server.api('POST', '/api/sessions', body, ADMIN_CREDENTIAL.unsafeHeaders)).status).toBe(201)
  })

  it('[P9] a coördinator creating a session in a new themagroep becomes its first member; an existing themagroep of others is 403', async () => {
    server = await startTestServer()
    await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    await server.access.addUser({ email: 'bert@groep-b.nl', name: 'Bert', role: 'coordinator', password: PASSWORD, themagroepen: [GROEP_B] })
    const anna = await login(server, 'anna@groep-a.nl')
    const created = await server.api<SessionSummary>('POST', '/api/sessions', { title: 'Eerste', themagroep: GROEP_A }, anna.unsafeHeaders)
    expect(created.status).toBe(201)
    const me = await server.api<{ me: MeResponse }>('GET', '/api/auth/me', undefined, anna.headers)
    expect(me.body.me).toMatchObject({ kind: 'user', themagroepen: [GROEP_A] })
    const elsewhere = await server.api<{ error: string; message: string }>('POST', '/api/sessions', { title: 'Ingebroken', themagroep: GROEP_B }, anna.unsafeHeaders)
    expect(elsewhere.status).toBe(403)
    expect(elsewhere.body.message).toMatch(/P9/)
    expect(await server.storage.themagroepen.members(GROEP_A)).toHaveLength(1)
  })

  it('[P4][P12] lists and the regelruimte register hold only the sessions the caller sees', async () => {
    server = await startTestServer()
    const f = await accessFixture(server)
    const titles = async (headers: Record<string, string>) =>
      (await server.api<SessionSummary[]>('GET', '/api/sessions', undefined, headers)).body.map((s) => s.id).sort()
    expect(await titles(f.creds.coordinator.headers)).toEqual([f.session.id])
    expect(await titles(f.creds.otherCoordinator.headers)).toEqual([f.otherSession.id])
    expect(await titles(f.creds.secretariaatAccount.headers)).toEqual([f.session.id])
    expect(await titles(f.creds.waarnemer.headers)).toEqual([f.session.id])
    expect(await titles(f.creds.admin.headers)).toEqual([f.session.id, f.otherSession.id].sort())

    // [P12] The regelruimte register across sessions is filtered the same way.
    for (const session of [f.session, f.otherSession]) {
      expect((await server.api('POST', `/api/sessions/${session.id}/stickies`, { text: `Verzoek in ${session.title}`, tag: 'regelruimte' })).status).toBe(201)
    }
    const registerOf = async (headers: Record<string, string>) =>
      [...new Set((await server.api<{ rows: { sessionId: string }[] }>('GET', '/api/regelruimte.json', undefined, headers)).body.rows.map((r) => r.sessionId))].sort()
    expect(await registerOf(f.creds.coordinator.headers)).toEqual([f.session.id])
    expect(await registerOf(f.creds.otherCoordinator.headers)).toEqual([f.otherSession.id])
    expect(await registerOf(f.creds.admin.headers)).toEqual([f.session.id, f.otherSession.id].sort())
  })

  it('[P10] an invite is created with a 256-bit token and a join url, listed without its token, and revoking it ends the sessions it opened', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await server.api<{ id: string; token: string; url: string; role: string; expiresAt: string }>(
      'POST',
      `/api/sessions/${id}/invites`,
      { role: 'waarnemer', expiresInHours: 2 },
    )
    expect(invite.status).toBe(201)
    expect(invite.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(invite.body.url).toBe(`${server.url}/join/${invite.body.token}`)
    expect(Date.parse(invite.body.expiresAt) - Date.now()).toBeGreaterThan(2 * 3_600_000 - 60_000)
    expect(Date.parse(invite.body.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3_600_000)

    const info = await server.api<{ sessionId: string; role: string }>('GET', `/api/join/${invite.body.token}`, undefined, { authorization: '' })
    expect(info.body).toMatchObject({ sessionId: id, role: 'waarnemer' })
    const participant = await join(server, invite.body.token, 'Wil', 'Ministerie van VWS')
    const me = await server.api<{ me: MeResponse }>('GET', '/api/auth/me', undefined, participant.headers)
    expect(me.body.me).toMatchObject({ kind: 'participant', name: 'Wil', organisation: 'Ministerie van VWS', role: 'waarnemer', sessionId: id })

    const list = await server.api<InviteSummary[]>('GET', `/api/sessions/${id}/invites`)
    expect(list.body.map((i) => i.id)).toEqual([invite.body.id])
    expect(JSON.stringify(list.body)).not.toContain(invite.body.token)

    expect((await server.api('DELETE', `/api/sessions/${id}/invites/${invite.body.id}`)).status).toBe(204)
    expect((await server.api<InviteSummary[]>('GET', `/api/sessions/${id}/invites`)).body[0]!.revokedAt).not.toBeNull()
    expect((await server.api('GET', `/api/sessions/${id}`, undefined, participant.headers)).status).toBe(401)
    expect((await server.api('GET', `/api/join/${invite.body.token}`, undefined, { authorization: '' })).status).toBe(404)
    const again = await server.api('POST', '/api/join', { token: invite.body.token, name: 'Wil', organisation: 'VWS' }, { authorization: '' })
    expect(again.status).toBe(404)
  })

  it('[P10][P15] invite bodies are validated: an unknown role or a too long validity answers 400', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    for (const body of [{ role: 'coordinator' }, { role: 'deelnemer', expiresInHours: 24 * 365 }, {}]) {
      const res = await server.api<{ error: string }>('POST', `/api/sessions/${id}/invites`, body)
      expect(res.status).toBe(400)
      expect(res.body.error).toBe('invalid_body')
    }
  })

  it('[P13] the one-time setup token creates the first coördinator and logs in; it cannot be used twice', async () => {
    server = await startTestServer()
    const token = await server.access.issueSetupToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const pending = await server.api<{ setupPending: boolean }>('GET', '/api/auth/me', undefined, { authorization: '' })
    expect(pending.body.setupPending).toBe(true)
    const wrong = await server.api('POST', '/api/auth/setup', { token: 'y'.repeat(43), email: 'eerste@groep.nl', name: 'Eerste', password: PASSWORD }, { authorization: '' })
    expect(wrong.status).toBe(403)
    const res = await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, email: 'eerste@groep.nl', name: 'Eerste', password: PASSWORD }),
    })
    expect(res.status).toBe(201)
    expect(cookiesOf(res).bp_session).toBeTruthy()
    expect((await server.storage.users.getByEmail('eerste@groep.nl'))?.role).toBe('coordinator')
    const twice = await server.api('POST', '/api/auth/setup', { token, email: 'tweede@groep.nl', name: 'Tweede', password: PASSWORD }, { authorization: '' })
    expect(twice.status).toBe(403)
    expect(await server.access.issueSetupToken()).toBeNull()
  })

  it('[P11][P18] the audit log records who created sessions and invites, joined and exported; a coördinator sees only their themagroepen', async () => {
    server = await startTestServer()
    const f = await accessFixture(server)
    expect((await server.api('GET', `/api/sessions/${f.session.id}/verslag.md`, undefined, f.creds.secretariaat.headers)).status).toBe(200)
    const mine = await server.api<AuditEntry[]>('GET', '/api/audit', undefined, f.creds.coordinator.headers)
    expect(mine.status).toBe(200)
    const actions = mine.body.map((e) => e.action)
    for (const action of ['login', 'session.create', 'invite.create', 'join', 'verslag.export']) expect(actions).toContain(action)
    const exported = mine.body.find((e) => e.action === 'verslag.export')!
    expect(exported).toMatchObject({ sessionId: f.session.id, themagroep: GROEP_A })
    expect(exported.actorName).toContain('Sien Secretaris')
    expect(exported.detail).toContain('verslag.md')
    expect(mine.body.every((e) => e.themagroep === GROEP_A || e.actorName.includes('coordinator@groep-a.nl'))).toBe(true)
    const create = mine.body.find((e) => e.action === 'session.create')!
    expect(create).toMatchObject({ sessionId: f.session.id, themagroep: GROEP_A })
    expect(create.actorName).toContain('coordinator@groep-a.nl')
    const theirs = await server.api<AuditEntry[]>('GET', '/api/audit', undefined, f.creds.otherCoordinator.headers)
    expect(theirs.body.some((e) => e.sessionId === f.session.id)).toBe(false)
    const all = await server.api<AuditEntry[]>('GET', '/api/audit')
    expect(all.body.some((e) => e.sessionId === f.otherSession.id)).toBe(true)
    expect((await server.api('GET', '/api/audit', undefined, ANONYMOUS_CREDENTIAL.headers)).status).toBe(401)
  })

  it('[P18] every kind of entry: setup, logins (failed ones by email), logouts, sessions created and imported, invites created and revoked, joins, exports, vaststellingen, session detail and regelruimte status changes, members added', async () => {
    server = await startTestServer()
    const token = await server.access.issueSetupToken()
    const setup = await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, email: 'eerste@groep-a.nl', name: 'Eerste', password: PASSWORD }),
    })
    expect(setup.status).toBe(201)
    expect((await server.api('POST', '/api/auth/login', { email: 'eerste@groep-a.nl', password: 'fout wachtwoord' }, { authorization: '' })).status).toBe(401)
    const coordinator = await login(server, 'eerste@groep-a.nl')
    const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...coordinator.unsafeHeaders, ...(body === undefined ? {} : { 'content-type': type }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      expect(res.status, `${method} ${path}`).toBeLessThan(300)
      return res.status === 204 ? null : ((await res.json()) as Record<string, unknown>)
    }
    const session = (await call('POST', '/api/sessions', { title: 'Audit', themagroep: GROEP_A })) as unknown as SessionSummary
    const id = session.id
    await call('POST', `/api/sessions/import?themagroep=${encodeURIComponent(GROEP_A)}`, 'Verslag: Geïmporteerd\n\nOverige\n- Een punt\n', 'text/plain')
    const invite = (await call('POST', `/api/sessions/${id}/invites`, { role: 'deelnemer' })) as { id: string; token: string }
    await join(server, invite.token, 'Dirk Deelnemer', 'Zorggroep Noord')
    await call('DELETE', `/api/sessions/${id}/invites/${invite.id}`)
    expect((await fetch(`${server.url}/api/sessions/${id}/verslag.md`, { headers: coordinator.headers })).status).toBe(200)
    await call('PUT', `/api/sessions/${id}/picture`, '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', 'image/svg+xml')
    const sticky = (await server.api<{ id: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'Ruimte', tag: 'regelruimte' })).body
    await call('PATCH', `/api/regelruimte/${id}/${encodeURIComponent(sticky.id)}`, { status: 'ingediend' })
    await call('POST', `/api/sessions/${id}/vaststellen`)
    await server.access.addUser({ email: 'sanne@programma.nl', name: 'Sanne', role: 'secretariaat', password: PASSWORD })
    await call('POST', `/api/themagroepen/${encodeURIComponent(GROEP_A)}/members`, { email: 'sanne@programma.nl' })
    await call('POST', '/api/auth/logout')

    const audit = (await server.api<AuditEntry[]>('GET', '/api/audit')).body
    const entry = (action: string) => {
      const found = audit.find((e) => e.action === action)
      expect(found, action).toBeDefined()
      expect(Date.parse(found!.at), action).not.toBeNaN()
      expect(found!.actorName, action).not.toBe('')
      return found!
    }
    expect(entry('setup').actorName).toContain('eerste@groep-a.nl')
    expect(entry('login.failed').actor).toBe('eerste@groep-a.nl')
    expect(entry('login').actorName).toContain('eerste@groep-a.nl')
    expect(entry('logout').actorName).toContain('eerste@groep-a.nl')
    expect(entry('session.create')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('session.import')).toMatchObject({ themagroep: GROEP_A })
    expect(entry('invite.create')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('invite.revoke')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('join')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('join').actorName).toContain('Dirk Deelnemer')
    expect(entry('verslag.export')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('verslag.vaststellen')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('session.update')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('regelruimte.status')).toMatchObject({ sessionId: id, themagroep: GROEP_A })
    expect(entry('themagroep.addMember')).toMatchObject({ themagroep: GROEP_A })
    expect(entry('themagroep.addMember').detail).toContain('sanne@programma.nl')
  })

  it('[P17] every response carries a CSP without inline scripts, connecting only to its own origin, nosniff, frame-ancestors none and no-referrer', async () => {
    server = await startTestServer()
    for (const path of ['/', '/api/health', '/join/abc']) {
      const res = await fetch(`${server.url}${path}`)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toMatch(/(^|;)\s*connect-src 'self'\s*(;|$)/)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('[P7] a sticky added through the API carries the caller’s identity as author, not the one the body claims', async () => {
    server = await startTestServer()
    const f = await accessFixture(server)
    const forged = { id: 'someone-else', name: 'Minister', organisation: 'VWS' }
    const res = await server.api<{ id: string }>('POST', `/api/sessions/${f.session.id}/stickies`, { text: 'Van Dirk', tag: 'bevorderend', author: forged }, f.creds.deelnemer.unsafeHeaders)
    expect(res.status).toBe(201)
    const byAdmin = await server.api<{ id: string }>('POST', `/api/sessions/${f.session.id}/stickies`, { text: 'Van de automatisering', author: forged })
    expect(byAdmin.status).toBe(201)
    const doc = server.rooms.get(f.session.id)!.doc
    const stickies = readBoard(allRecords(doc)).stickies
    expect(stickies.find((s) => s.text === 'Van Dirk')?.meta.author).toMatchObject({ name: 'Dirk Deelnemer', organisation: 'Zorggroep Noord' })
    expect(stickies.find((s) => s.text === 'Van de automatisering')?.meta.author).toEqual(forged)
  })

  it('[P12] a coördinator adds an existing account to their themagroep; that account then sees its sessions', async () => {
    server = await startTestServer()
    const f = await accessFixture(server)
    const before = await server.api<SessionSummary[]>('GET', '/api/sessions', undefined, f.creds.otherCoordinator.headers)
    expect(before.body.map((s) => s.id)).not.toContain(f.session.id)
    const add = await server.api('POST', `/api/themagroepen/${encodeURIComponent(GROEP_A)}/members`, { email: f.emails.otherCoordinator }, f.creds.coordinator.unsafeHeaders)
    expect(add.status).toBe(204)
    const after = await server.api<SessionSummary[]>('GET', '/api/sessions', undefined, f.creds.otherCoordinator.headers)
    expect(after.body.map((s) => s.id)).toContain(f.session.id)
    const unknown = await server.api('POST', `/api/themagroepen/${encodeURIComponent(GROEP_A)}/members`, { email: 'niemand@x.nl' }, f.creds.coordinator.unsafeHeaders)
    expect(unknown.status).toBe(404)
  })
})
