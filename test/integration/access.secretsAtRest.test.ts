import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hashToken } from '../../server/access/tokens'
import { SQLITE_FILE } from '../../server/core/storage/SqliteBackend'
import { cookiesOf, createInvite } from '../helpers/accessFixture'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'

/** Every file of the database (main file, WAL, shared memory), concatenated. */
function databaseBytes(dataDir: string): Buffer {
  const files = fs.readdirSync(dataDir).filter((f) => f.startsWith(SQLITE_FILE))
  return Buffer.concat(files.map((f) => fs.readFileSync(path.join(dataDir, f))))
}

describe('secrets at rest', () => {
  let server: TestServer

  afterEach(async () => {
    await server?.close()
    removeTempDirs()
  })

  it('[P19] reading the SQLite database shows no password and no token in plain text', async () => {
    server = await startTestServer()
    const secrets: string[] = []
    const setupToken = (await server.access.issueSetupToken())!
    const password = 'Zeer-geheim-wachtwoord-1'
    secrets.push(setupToken, password)
    const setup = await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: setupToken, email: 'eerste@groep.nl', name: 'Eerste', password }),
    })
    expect(setup.status).toBe(201)
    secrets.push(cookiesOf(setup).bp_session!, cookiesOf(setup).bp_csrf!)
    const secondPassword = 'Nog-een-geheim-wachtwoord-2'
    await server.access.addUser({ email: 'tweede@groep.nl', name: 'Tweede', role: 'secretariaat', password: secondPassword })
    secrets.push(secondPassword)
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tweede@groep.nl', password: secondPassword }),
    })
    expect(login.status).toBe(200)
    secrets.push(cookiesOf(login).bp_session!)
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'deelnemer')
    secrets.push(invite.token)
    const joined = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invite.token, name: 'Dirk', organisation: 'Zorggroep Noord' }),
    })
    expect(joined.status).toBe(201)
    secrets.push(cookiesOf(joined).bp_session!)

    const whileRunning = databaseBytes(server.dataDir)
    await server.close()
    const closed = databaseBytes(server.dataDir)
    for (const bytes of [whileRunning, closed]) {
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThanOrEqual(20)
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `secret ${secret.slice(0, 6)}… in the database`).toBe(false)
      }
    }
    // The right file was read: it holds the account and the invite's hash.
    expect(closed.includes(Buffer.from('tweede@groep.nl'))).toBe(true)
    expect(closed.includes(Buffer.from(hashToken(invite.token)))).toBe(true)
    expect(closed.includes(Buffer.from('scrypt$16384$8$1$'))).toBe(true)
  })
})
