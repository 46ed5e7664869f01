/**
 * P24: common and trivial passwords are refused at the setup page (API) and
 * on the command line (npm run user:add), with a readable Dutch/English message.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isStrongPassword } from '../../server/access/passwordPolicy'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { storesOf } from '../helpers/storesOf'
import { REPO } from '../helpers/builtClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const WEAK = ['aaaaaaaaaa', 'password123', 'welkom01!!', 'qwertyuiop', '1234567890', 'wachtwoord1', 'brownpaper2026', 'annadevries1']
const STRONG = ['correct horse battery staple', 'een lang en sterk wachtwoord 2026', 'Tr0ub4dor&3xx!']

describe('password policy (P24)', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
    removeTempDirs()
  })

  it('[P24] refuses common, trivial and personal passwords and accepts long unpredictable ones', () => {
    for (const password of WEAK) expect(isStrongPassword(password, ['anna@groep-a.nl', 'Anna de Vries']), password).toBe(false)
    for (const password of STRONG) expect(isStrongPassword(password, ['anna@groep-a.nl', 'Anna de Vries']), password).toBe(true)
  })

  it('[P24] the setup refuses a weak password with 400 weak_password and a readable message, and the one-time link still works', async () => {
    server = await startTestServer()
    const token = await server.access.issueSetupToken()
    const weak = await server.api<{ error: string; message: string }>(
      'POST',
      '/api/auth/setup',
      { token, email: 'eerste@groep.nl', name: 'Eerste', password: 'aaaaaaaaaa' },
      { authorization: '' },
    )
    expect(weak.status).toBe(400)
    expect(weak.body.error).toBe('weak_password')
    expect(weak.body.message).toMatch(/te makkelijk te raden/)
    expect(weak.body.message).toMatch(/too easy to guess/)
    expect(await server.storage.users.getByEmail('eerste@groep.nl')).toBeNull()
    const strong = await server.api('POST', '/api/auth/setup', { token, email: 'eerste@groep.nl', name: 'Eerste', password: 'een lang en sterk wachtwoord 2026' }, { authorization: '' })
    expect(strong.status).toBe(201)
  })

  it('[P24] npm run user:add refuses a weak password in Dutch and English and adds nothing; a strong one is added', async () => {
    const dataDir = tempDir()
    const run = (password: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/cli/addUser.ts'), '--email', 'bram@groep-a.nl', '--role', 'secretariaat', '--password', password], {
        cwd: REPO,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      })
    const weak = run('welkom01!!')
    expect(weak.status).toBe(2)
    expect(weak.stderr).toMatch(/te makkelijk te raden/)
    expect(weak.stderr).toMatch(/too easy to guess/)
    const strong = run('een lang en sterk wachtwoord 2026')
    expect(strong.stderr).toBe('')
    expect(strong.status).toBe(0)
    const storage = storesOf(new SqliteBackend(dataDir))
    try {
      expect((await storage.users.getByEmail('bram@groep-a.nl'))?.role).toBe('secretariaat')
    } finally {
      await storage.close()
    }
  }, 90_000)
})
