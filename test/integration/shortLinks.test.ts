/**
 * Short join links (SPEC M7): a coördinator turns an invite into /j/<code>;
 * the code gives the invite back and the join works; neither code nor token
 * is stored readably; revoking the invite ends the short link; only who may
 * invite makes one; failed look-ups are limited per address.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHORT_CODE_LENGTH } from '../../shared/shortLinks'
import { join } from '../helpers/accessFixture'
import { startTestServer, type TestServer } from '../helpers/startTestServer'

describe('short join links', () => {
  let server: TestServer
  let sessionId: string

  const invite = async (role = 'deelnemer') => (await server.api<{ id: string; token: string }>('POST', `/api/sessions/${sessionId}/invites`, { role })).body
  const shorten = (token: string, headers?: Record<string, string>) => server.api<{ code: string; url: string; expiresAt: string; error?: string }>('POST', `/api/sessions/${sessionId}/short-links`, { token }, headers)

  beforeAll(async () => {
    server = await startTestServer()
    sessionId = (await server.createSession({ title: 'Korte links' })).id
  })
  afterAll(async () => {
    await server?.close()
  })

  it('[M7] a short link stands for the invite: the code gives its token back and joining with it works', async () => {
    const { token } = await invite()
    const short = await shorten(token)
    expect(short.status).toBe(201)
    expect(short.body.code).toMatch(new RegExp(`^[0-9a-hjkmnp-tv-z]{${SHORT_CODE_LENGTH}}$`))
    expect(short.body.url).toBe(`${server.url}/j/${short.body.code}`)
    const resolved = await server.api<{ token: string }>('GET', `/api/j/${short.body.code}`, undefined, { authorization: '' })
    expect(resolved).toEqual({ status: 200, body: { token } })
    const upper = await server.api<{ token: string }>('GET', `/api/j/${short.body.code.toUpperCase()}`, undefined, { authorization: '' })
    expect(upper.body.token).toBe(token)
    const joined = await join(server, resolved.body.token, 'Anna', 'Zorggroep')
    expect(joined.cookie).toContain('bp_session=')
  })

  it('[M7][P19] neither the code nor the invite token is stored readably', async () => {
    const { token } = await invite()
    const { code } = (await shorten(token)).body
    const files = readdirSync(server.dataDir).filter((f) => f.includes('sqlite'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const bytes = readFileSync(path.join(server.dataDir, file)).toString('latin1')
      expect(bytes.includes(code), file).toBe(false)
      expect(bytes.includes(token), file).toBe(false)
    }
  })

  it('[M7][P10] revoking the invite ends its short link; unknown, malformed and foreign codes are 404', async () => {
    const made = await invite()
    const { code } = (await shorten(made.token)).body
    expect((await server.api('DELETE', `/api/sessions/${sessionId}/invites/${made.id}`)).status).toBeLessThan(300)
    const after = await server.api<{ error: string }>('GET', `/api/j/${code}`, undefined, { authorization: '' })
    expect(after).toMatchObject({ status: 404, body: { error: 'invite_invalid' } })
    expect((await server.api('GET', '/api/j/0000000000zz', undefined, { authorization: '' })).status).toBe(404)
    expect((await server.api('GET', '/api/j/not-a-code!', undefined, { authorization: '' })).status).toBe(404)
    const other = (await server.createSession({ title: 'Andere sessie' })).id
    const foreign = (await server.api<{ token: string }>('POST', `/api/sessions/${other}/invites`, { role: 'deelnemer' })).body.token
    expect((await shorten(foreign)).status).toBe(404)
    expect((await shorten('x'.repeat(43))).status).toBe(404)
    expect((await shorten('')).status).toBe(400)
  })

  it('[M7][P10] only who may invite makes a short link: a deelnemer gets 403, nobody 401', async () => {
    const { token } = await invite()
    const deelnemer = await join(server, token, 'Bram', 'Huisartsen')
    expect((await shorten(token, deelnemer.unsafeHeaders)).status).toBe(403)
    expect((await shorten(token, { authorization: '' })).status).toBe(401)
  })

  it('[M7] failed look-ups are limited per client address (429 after 30 in a quarter of an hour), with a readable error', async () => {
    let last = 0
    for (let i = 0; i < 31; i++) last = (await server.api('GET', `/api/j/${String(i).padStart(12, '0')}`, undefined, { authorization: '' })).status
    expect(last).toBe(429)
  })
})
