/**
 * Failed login, setup and join attempts are limited per account and per
 * client address, separately for each (SPEC P16, P22), and X-Forwarded-For
 * counts only behind a configured proxy (P23).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AttemptLimitSettings } from '../../server/access/attemptLimits'
import { createInvite, PASSWORD } from '../helpers/accessFixture'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

const SMALL: AttemptLimitSettings = {
  windowMs: 60_000,
  login: { perAccount: 3, perAddress: 8 },
  setup: { perAccount: 0, perAddress: 2 },
  join: { perAccount: 0, perAddress: 4 },
}

describe('failed attempts (P16, P22, P23)', () => {
  let server: TestServer
  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    server.api<{ error: string; message: string }>('POST', '/api/auth/login', { email, password }, { authorization: '', ...headers })

  async function withAccounts(options: Parameters<typeof startTestServer>[0] = {}) {
    server = await startTestServer({ attemptLimits: SMALL, ...options })
    await server.access.addUser({ email: 'anna@groep-a.nl', name: 'Anna', role: 'coordinator', password: PASSWORD })
    await server.access.addUser({ email: 'bram@groep-a.nl', name: 'Bram', role: 'secretariaat', password: PASSWORD })
  }

  it('[P22] failures for one account block that account, not the right password of another account from the same address', async () => {
    await withAccounts()
    for (let i = 0; i < 3; i++) expect((await login('anna@groep-a.nl', 'fout wachtwoord')).status).toBe(401)
    const blocked = await login('Anna@Groep-A.nl', PASSWORD)
    expect(blocked.status).toBe(429)
    expect(blocked.body.error).toBe('rate_limited')
    expect(blocked.body.message).toMatch(/probeer het over \d+ minuten opnieuw/)
    expect((await login('bram@groep-a.nl', PASSWORD)).status).toBe(200)
  })

  it('[P22] the right password after failures of others from one address works until the larger per-address budget is spent', async () => {
    await withAccounts()
    // Seven colleagues behind one NAT mistype once each: below the address budget of 8.
    for (let i = 0; i < 7; i++) expect((await login(`collega${i}@ziekenhuis.nl`, 'fout wachtwoord')).status).toBe(401)
    expect((await login('anna@groep-a.nl', PASSWORD)).status).toBe(200)
    expect((await login('collega9@ziekenhuis.nl', 'fout wachtwoord')).status).toBe(401)
    // The eighth failure spent the address budget: now everyone from it waits.
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bram@groep-a.nl', password: PASSWORD }),
    })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('[P22] a success clears its account count: failures before it do not add up with failures after it', async () => {
    await withAccounts()
    for (let i = 0; i < 2; i++) expect((await login('anna@groep-a.nl', 'fout')).status).toBe(401)
    expect((await login('anna@groep-a.nl', PASSWORD)).status).toBe(200)
    for (let i = 0; i < 2; i++) expect((await login('anna@groep-a.nl', 'fout')).status).toBe(401)
    expect((await login('anna@groep-a.nl', PASSWORD)).status).toBe(200)
  })

  it('[P22] login, setup and join have separate budgets', async () => {
    await withAccounts()
    const session = await server.createSession()
    const invite = await createInvite(server, session.id, 'deelnemer')
    for (let i = 0; i < 8; i++) await login(`iemand${i}@x.nl`, 'fout')
    expect((await login('anna@groep-a.nl', PASSWORD)).status).toBe(429)
    // Join and setup still answer for themselves.
    const join = () => server.api('POST', '/api/join', { token: invite.token, name: 'Piet', organisation: 'Zorggroep' }, { authorization: '' })
    expect((await join()).status).toBe(201)
    const setup = () => server.api('POST', '/api/auth/setup', { token: 'x'.repeat(43), email: 'a@b.nl', name: 'A', password: 'een lang wachtwoord 2026' }, { authorization: '' })
    expect((await setup()).status).toBe(403)
    expect((await setup()).status).toBe(403)
    expect((await setup()).status).toBe(429)
    // Join failures have their own budget: four bad tokens, then 429 — the good token too.
    for (let i = 0; i < 4; i++) {
      expect((await server.api('POST', '/api/join', { token: `bad${i}`.padEnd(43, 'x'), name: 'P', organisation: 'O' }, { authorization: '' })).status).toBe(404)
    }
    expect((await join()).status).toBe(429)
  })

  it('[P22] attempts sent at once cannot pass a budget together: each counts from its start', async () => {
    await withAccounts()
    // Each wrong password takes a password hash to refuse (scrypt): all eight are in flight together.
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => login('anna@groep-a.nl', 'fout wachtwoord')))).map((r) => r.status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(3)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
  })

  it('[P23] without TRUST_PROXY a rotated X-Forwarded-For does not bypass the limit', async () => {
    await withAccounts()
    for (let i = 0; i < 8; i++) {
      expect((await login(`iemand${i}@x.nl`, 'fout', { 'x-forwarded-for': `203.0.113.${i + 1}` })).status).toBe(401)
    }
    expect((await login('anna@groep-a.nl', PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429)
  })

  it('[P23] behind a configured proxy (TRUST_PROXY=loopback) each forwarded client address has its own budget', async () => {
    await withAccounts({ trustProxy: ['loopback'] })
    for (let i = 0; i < 8; i++) {
      expect((await login(`iemand${i}@x.nl`, 'fout', { 'x-forwarded-for': '203.0.113.1' })).status).toBe(401)
    }
    expect((await login('anna@groep-a.nl', PASSWORD, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429)
    expect((await login('anna@groep-a.nl', PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200)
  })
})
