/**
 * Accounts in the app over the real HTTP API and real websockets (SPEC U1–U10):
 * invitation links, the member list, removing members, deactivation, password
 * change and reset.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry, MeResponse } from '../../shared/access'
import type { AccountLinkInfo, AccountLinkResponse, AccountSummary } from '../../shared/accounts'
import { CloseCode } from '../../shared/closeCodes'
import { ACCOUNT_STORES } from '../../server/accounts/accountStoreDefinition'
import { hashToken, newToken } from '../../server/access/tokens'
import { accessFixture, ANONYMOUS_CREDENTIAL, cookiesOf, GROEP_A, GROEP_B, login, PASSWORD, type AccessFixture, type Credential } from '../helpers/accessFixture'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { withTimeout } from '../helpers/waitFor'

const NEW_PASSWORD = 'paarse olifant danst op het dak'

describe('accounts in the app (SPEC U1–U10)', () => {
  let server: TestServer
  let f: AccessFixture

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  async function start(): Promise<void> {
    server = await startTestServer({ loginAttempts: 1000 })
    f = await accessFixture(server)
  }

  async function invite(body: unknown, as: Credential = f.creds.coordinator) {
    return server.api<AccountLinkResponse & { error?: string; message?: string }>('POST', '/api/accounts/invites', body, as.unsafeHeaders)
  }

  async function useLink(body: unknown) {
    const res = await fetch(`${server.url}/api/accounts/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return { res, body: (await res.json()) as { me?: MeResponse; error?: string; message?: string } }
  }

  function cookieOf(res: Response): Credential {
    const c = cookiesOf(res)
    const cookie = `bp_session=${c.bp_session}; bp_csrf=${c.bp_csrf}`
    return { headers: { cookie, authorization: '' }, unsafeHeaders: { cookie, authorization: '', 'x-brownpaper-csrf': c.bp_csrf! }, cookie, token: null }
  }

  async function me(cred: Credential): Promise<MeResponse> {
    return (await server.api<{ me: MeResponse }>('GET', '/api/auth/me', undefined, cred.headers)).body.me
  }

  function openBoard(cred: Credential) {
    return rawSocket(`${server.wsUrl}/${f.session.id}`, { token: null, headers: { cookie: cred.cookie!, origin: server.url } })
  }

  it('[U1][U2][U3] a coördinator invites an account for their themagroep; the link shows once, makes the account, signs it in and is spent', async () => {
    await start()
    const made = await invite({ email: 'Nieuw@Groep-A.nl', role: 'secretariaat', themagroepen: [GROEP_A.toUpperCase()] })
    expect(made.status).toBe(201)
    expect(made.body.url).toBe(`${server.url}/account/nieuw?token=${made.body.token}`)
    expect(made.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // U2: only the hash is stored.
    const links = server.backend.stores(ACCOUNT_STORES).accountLinks
    expect(await links.getByTokenHash(hashToken(made.body.token))).toMatchObject({ email: 'nieuw@groep-a.nl', themagroepen: [GROEP_A], usedAt: null })

    const info = await server.api<AccountLinkInfo>('GET', `/api/accounts/link?token=${made.body.token}`, undefined, ANONYMOUS_CREDENTIAL.headers)
    expect(info.body).toMatchObject({ purpose: 'invite', email: 'nieuw@groep-a.nl', role: 'secretariaat', themagroepen: [GROEP_A] })

    const weak = await useLink({ token: made.body.token, name: 'Nina Nieuw', password: 'wachtwoord1' })
    expect(weak.res.status).toBe(400)
    expect(weak.body.error).toBe('weak_password')
    const used = await useLink({ token: made.body.token, name: 'Nina Nieuw', password: NEW_PASSWORD })
    expect(used.res.status).toBe(201)
    expect(used.body.me).toMatchObject({ kind: 'user', email: 'nieuw@groep-a.nl', name: 'Nina Nieuw', role: 'secretariaat', themagroepen: [GROEP_A] })
    expect(await me(cookieOf(used.res))).toMatchObject({ kind: 'user', email: 'nieuw@groep-a.nl' })
    expect((await login(server, 'nieuw@groep-a.nl', NEW_PASSWORD)).cookie).toBeTruthy()

    const again = await useLink({ token: made.body.token, name: 'Nog eens', password: NEW_PASSWORD })
    expect(again.res.status).toBe(410)
    expect(again.body).toMatchObject({ error: 'link_used' })
    expect(again.body.message).toMatch(/al gebruikt/)
    const audit = (await server.api<AuditEntry[]>('GET', '/api/audit', undefined, f.creds.coordinator.headers)).body.map((e) => e.action)
    expect(audit).toEqual(expect.arrayContaining(['account.invite', 'account.create']))
  })

  it('[U1] an invitation names only the coördinator’s own themagroepen, and not an email that has an account', async () => {
    await start()
    expect((await invite({ email: 'x@groep-b.nl', role: 'coordinator', themagroepen: [GROEP_B] })).status).toBe(403)
    expect((await invite({ email: 'x@groep-b.nl', role: 'coordinator', themagroepen: [GROEP_A, GROEP_B] })).status).toBe(403)
    expect((await invite({ email: 'x@groep-a.nl', role: 'secretariaat', themagroepen: [GROEP_A] }, f.creds.secretariaatAccount)).status).toBe(403)
    const taken = await invite({ email: f.emails.secretariaatAccount, role: 'secretariaat', themagroepen: [GROEP_A] })
    expect(taken.status).toBe(409)
    expect(taken.body.error).toBe('account_exists')
    expect((await invite({ email: 'geen-email', role: 'secretariaat', themagroepen: [GROEP_A] })).status).toBe(400)
    expect((await invite({ email: 'x@groep-a.nl', role: 'admin', themagroepen: [GROEP_A] })).status).toBe(400)
  })

  it('[U2][U3] an expired or unknown link is refused with a readable sentence, on the page and when used', async () => {
    await start()
    const token = newToken()
    const past = new Date(Date.now() - 60_000).toISOString()
    await server.backend.stores(ACCOUNT_STORES).accountLinks.create({
      id: 'verlopen', tokenHash: hashToken(token), purpose: 'invite', email: 'laat@groep-a.nl', role: 'secretariaat',
      themagroepen: [GROEP_A], userId: null, createdBy: 'admin', createdAt: past, expiresAt: past, usedAt: null,
    })
    const page = await server.api<{ error: string; message: string }>('GET', `/api/accounts/link?token=${token}`, undefined, ANONYMOUS_CREDENTIAL.headers)
    expect(page.status).toBe(410)
    expect(page.body).toMatchObject({ error: 'link_expired', message: expect.stringMatching(/verlopen/) })
    const used = await useLink({ token, name: 'Laat', password: NEW_PASSWORD })
    expect(used.res.status).toBe(410)
    expect(await server.access.stores.users.getByEmail('laat@groep-a.nl')).toBeNull()
    const unknown = await useLink({ token: newToken(), name: 'Niemand', password: NEW_PASSWORD })
    expect(unknown.res.status).toBe(404)
    expect(unknown.body.message).toMatch(/klopt niet/)
  })

  it('[U3] tried link tokens count against the join budget per address (429 once spent)', async () => {
    server = await startTestServer({ attemptLimits: { windowMs: 60_000, login: { perAccount: 10, perAddress: 100 }, setup: { perAccount: 0, perAddress: 10 }, join: { perAccount: 0, perAddress: 3 } } })
    for (let i = 0; i < 3; i++) expect((await useLink({ token: newToken(), name: 'Raden', password: NEW_PASSWORD })).res.status).toBe(404)
    expect((await useLink({ token: newToken(), name: 'Raden', password: NEW_PASSWORD })).res.status).toBe(429)
  })

  it('[U4] a coördinator lists the members of their own themagroepen only', async () => {
    await start()
    const list = await server.api<{ accounts: AccountSummary[] }>('GET', '/api/accounts', undefined, f.creds.coordinator.headers)
    expect(list.body.accounts.map((a) => [a.email, a.themagroepen, a.active])).toEqual([
      [f.emails.coordinator, [GROEP_A], true],
      [f.emails.secretariaatAccount, [GROEP_A], true],
    ])
    const other = await server.api<{ accounts: AccountSummary[] }>('GET', '/api/accounts', undefined, f.creds.otherCoordinator.headers)
    expect(other.body.accounts.map((a) => a.email)).toEqual([f.emails.otherCoordinator])
  })

  it('[U6][U7] deactivating an account closes its open board socket at once, its cookie stops working, it cannot log in; reactivating lets it in again', async () => {
    await start()
    const sanne = (await server.access.stores.users.getByEmail(f.emails.secretariaatAccount))!
    const board = openBoard(f.creds.secretariaatAccount)
    const kept = openBoard(f.creds.coordinator)
    await Promise.all([board.opened, kept.opened])
    const res = await server.api('POST', `/api/accounts/${sanne.id}/deactivate`, {}, f.creds.coordinator.unsafeHeaders)
    expect(res.status).toBe(204)
    expect((await withTimeout(board.closed, 'close of the deactivated account’s socket')).code).toBe(CloseCode.Unauthorized)
    expect(await me(f.creds.secretariaatAccount)).toEqual({ kind: 'anonymous' })
    expect((await server.api('GET', '/api/sessions', undefined, f.creds.secretariaatAccount.headers)).status).toBe(401)
    await expect(login(server, f.emails.secretariaatAccount)).rejects.toThrow(/401/)
    const list = await server.api<{ accounts: AccountSummary[] }>('GET', '/api/accounts', undefined, f.creds.coordinator.headers)
    expect(list.body.accounts.find((a) => a.id === sanne.id)?.active).toBe(false)
    // A refused socket of the deactivated cookie, then the coördinator's still open one.
    const refused = openBoard(f.creds.secretariaatAccount)
    expect((await withTimeout(refused.closed, 'refusal')).code).toBe(CloseCode.Unauthorized)
    expect(kept.ws.readyState).toBe(kept.ws.OPEN)
    kept.ws.close()

    expect((await server.api('POST', `/api/accounts/${sanne.id}/reactivate`, {}, f.creds.coordinator.unsafeHeaders)).status).toBe(204)
    expect(await me(await login(server, f.emails.secretariaatAccount))).toMatchObject({ kind: 'user', email: f.emails.secretariaatAccount })
  })

  it('[U6] a coördinator cannot deactivate themselves or an account outside their themagroepen', async () => {
    await start()
    const self = (await server.access.stores.users.getByEmail(f.emails.coordinator))!
    const other = (await server.access.stores.users.getByEmail(f.emails.otherCoordinator))!
    expect((await server.api('POST', `/api/accounts/${self.id}/deactivate`, {}, f.creds.coordinator.unsafeHeaders)).status).toBe(400)
    expect((await server.api('POST', `/api/accounts/${other.id}/deactivate`, {}, f.creds.coordinator.unsafeHeaders)).status).toBe(403)
    expect((await server.api('POST', '/api/accounts/onbekend/deactivate', {}, f.creds.coordinator.unsafeHeaders)).status).toBe(403)
    expect(await me(f.creds.otherCoordinator)).toMatchObject({ kind: 'user' })
  })

  it('[U5][U7] removing a member from a themagroep closes its sockets and ends its sessions; it no longer sees the sessions', async () => {
    await start()
    const sanne = (await server.access.stores.users.getByEmail(f.emails.secretariaatAccount))!
    const board = openBoard(f.creds.secretariaatAccount)
    await board.opened
    const path = `/api/themagroepen/${encodeURIComponent(GROEP_A)}/members/${sanne.id}`
    expect((await server.api('DELETE', path, undefined, f.creds.otherCoordinator.unsafeHeaders)).status).toBe(403)
    expect((await server.api('DELETE', path, undefined, f.creds.coordinator.unsafeHeaders)).status).toBe(204)
    expect((await withTimeout(board.closed, 'close of the removed member’s socket')).code).toBe(CloseCode.Unauthorized)
    expect(await me(f.creds.secretariaatAccount)).toEqual({ kind: 'anonymous' })
    const again = await login(server, f.emails.secretariaatAccount)
    expect((await me(again)) as { themagroepen?: string[] }).toMatchObject({ themagroepen: [] })
    expect((await server.api(`GET`, `/api/sessions/${f.session.id}`, undefined, again.headers)).status).toBe(403)
    expect((await server.api('DELETE', path, undefined, f.creds.coordinator.unsafeHeaders)).status).toBe(404)
  })

  it('[U9][U7] an account changes its own password with the current one; its other sessions and their sockets end, this one stays', async () => {
    await start()
    const here = f.creds.secretariaatAccount
    const elsewhere = await login(server, f.emails.secretariaatAccount)
    const board = openBoard(elsewhere)
    const ownBoard = openBoard(here)
    await Promise.all([board.opened, ownBoard.opened])
    const wrong = await server.api<{ error: string }>('POST', '/api/auth/password', { currentPassword: 'niet mijn wachtwoord', newPassword: NEW_PASSWORD }, here.unsafeHeaders)
    expect(wrong.status).toBe(403)
    expect(wrong.body.error).toBe('wrong_password')
    const weak = await server.api<{ error: string }>('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'secretariaat1' }, here.unsafeHeaders)
    expect(weak.body.error).toBe('weak_password')
    expect((await server.api('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, here.unsafeHeaders)).status).toBe(204)
    expect((await withTimeout(board.closed, 'close of the other login’s socket')).code).toBe(CloseCode.Unauthorized)
    expect(await me(elsewhere)).toEqual({ kind: 'anonymous' })
    expect(await me(here)).toMatchObject({ kind: 'user' })
    expect(ownBoard.ws.readyState).toBe(ownBoard.ws.OPEN)
    ownBoard.ws.close()
    await expect(login(server, f.emails.secretariaatAccount, PASSWORD)).rejects.toThrow(/401/)
    expect(await me(await login(server, f.emails.secretariaatAccount, NEW_PASSWORD))).toMatchObject({ kind: 'user' })
    // Participants and anonymous callers have no password.
    expect((await server.api('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, f.creds.deelnemer.unsafeHeaders)).status).toBe(403)
    expect((await server.api('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, ANONYMOUS_CREDENTIAL.unsafeHeaders)).status).toBe(401)
  })

  it('[U9] wrong current passwords count against the login budget', async () => {
    server = await startTestServer({ attemptLimits: { windowMs: 60_000, login: { perAccount: 10, perAddress: 3 }, setup: { perAccount: 0, perAddress: 10 }, join: { perAccount: 0, perAddress: 10 } } })
    await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    const anna = await login(server, 'anna@groep-a.nl')
    const attempt = () => server.api('POST', '/api/auth/password', { currentPassword: 'raden raden raden', newPassword: NEW_PASSWORD }, anna.unsafeHeaders)
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(403)
    expect((await attempt()).status).toBe(429)
  })

  it('[U10] a coördinator’s reset link sets a forgotten password once and ends the account’s earlier sessions', async () => {
    await start()
    const sanne = (await server.access.stores.users.getByEmail(f.emails.secretariaatAccount))!
    const board = openBoard(f.creds.secretariaatAccount)
    await board.opened
    const made = await server.api<AccountLinkResponse>('POST', `/api/accounts/${sanne.id}/reset-link`, {}, f.creds.coordinator.unsafeHeaders)
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ purpose: 'reset', email: f.emails.secretariaatAccount })
    const info = await server.api<AccountLinkInfo>('GET', `/api/accounts/link?token=${made.body.token}`, undefined, ANONYMOUS_CREDENTIAL.headers)
    expect(info.body.purpose).toBe('reset')
    const used = await useLink({ token: made.body.token, password: NEW_PASSWORD })
    expect(used.res.status).toBe(201)
    expect(used.body.me).toMatchObject({ kind: 'user', id: sanne.id, name: sanne.name })
    expect((await withTimeout(board.closed, 'close of the earlier login’s socket')).code).toBe(CloseCode.Unauthorized)
    expect(await me(f.creds.secretariaatAccount)).toEqual({ kind: 'anonymous' })
    expect(await me(cookieOf(used.res))).toMatchObject({ kind: 'user', id: sanne.id })
    await expect(login(server, f.emails.secretariaatAccount, PASSWORD)).rejects.toThrow(/401/)
    expect((await useLink({ token: made.body.token, password: 'nog een heel ander wachtwoord' })).res.status).toBe(410)
    const other = (await server.access.stores.users.getByEmail(f.emails.otherCoordinator))!
    expect((await server.api('POST', `/api/accounts/${other.id}/reset-link`, {}, f.creds.coordinator.unsafeHeaders)).status).toBe(403)
  })

  it('[U6][U10] a reset link of an account that was switched off since sets nothing and stays unused', async () => {
    await start()
    const sanne = (await server.access.stores.users.getByEmail(f.emails.secretariaatAccount))!
    const made = await server.api<AccountLinkResponse>('POST', `/api/accounts/${sanne.id}/reset-link`, {}, f.creds.coordinator.unsafeHeaders)
    expect((await server.api('POST', `/api/accounts/${sanne.id}/deactivate`, {}, f.creds.coordinator.unsafeHeaders)).status).toBe(204)
    const used = await useLink({ token: made.body.token, password: NEW_PASSWORD })
    expect(used.res.status).toBe(403)
    expect(used.body.error).toBe('account_deactivated')
    expect((await server.access.stores.users.get(sanne.id))?.passwordHash).toBe(sanne.passwordHash)
    expect((await server.backend.stores(ACCOUNT_STORES).accountLinks.getByTokenHash(hashToken(made.body.token)))?.usedAt).toBeNull()
  })

  it('[U3][P15] hostile input gets a readable 4xx answer and changes nothing', async () => {
    await start()
    const raw = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body })
    const answers = [
      await raw('GET', `/api/accounts/link?token=${'x'.repeat(5000)}`),
      await raw('GET', '/api/accounts/link?token=a&token=b'),
      await raw('GET', '/api/accounts/link'),
      await raw('POST', '/api/accounts/link', '{"token": ['),
      await raw('POST', '/api/accounts/link', JSON.stringify({ token: { $ne: null }, password: NEW_PASSWORD })),
      await raw('POST', '/api/accounts/link', JSON.stringify({ token: 'a'.repeat(50), name: 'x'.repeat(10_000), password: NEW_PASSWORD })),
      await raw('POST', '/api/accounts/invites', JSON.stringify({ email: 'a@b.nl', role: 'secretariaat', themagroepen: Array.from({ length: 500 }, () => GROEP_A) }), f.creds.coordinator.unsafeHeaders),
      await raw('POST', '/api/accounts/invites', JSON.stringify({ email: 'a@b.nl', role: 'secretariaat', themagroepen: [{ toString: 1 }] }), f.creds.coordinator.unsafeHeaders),
      await raw('POST', `/api/accounts/${encodeURIComponent('../../etc')}/deactivate`, '{}', f.creds.coordinator.unsafeHeaders),
      await raw('POST', '/api/auth/password', JSON.stringify({ currentPassword: PASSWORD, newPassword: 'x'.repeat(100_000) }), f.creds.coordinator.unsafeHeaders),
    ]
    for (const res of answers) {
      expect(res.status, new URL(res.url).pathname).toBeGreaterThanOrEqual(400)
      expect(res.status, new URL(res.url).pathname).toBeLessThan(500)
      const text = await res.text()
      expect(text, `${new URL(res.url).pathname} ${res.status}`).toMatch(/"message"/)
      const body = JSON.parse(text) as { error: string; message: string }
      expect(typeof body.message).toBe('string')
    }
    expect((await server.api<{ accounts: AccountSummary[] }>('GET', '/api/accounts', undefined, f.creds.coordinator.headers)).body.accounts).toHaveLength(2)
    expect(await me(await login(server, f.emails.coordinator))).toMatchObject({ kind: 'user' })
  })
})
