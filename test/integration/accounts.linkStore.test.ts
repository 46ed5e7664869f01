/** The account link store contract (SPEC U2), on every backend: stored by hash, used once, kept across a reopen. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AccountLinkRecord } from '../../server/accounts/AccountLinkStore'
import { ACCOUNT_STORES } from '../../server/accounts/accountStoreDefinition'
import type { Backend } from '../../server/core/storage/Backend'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { createTestDatabase, type TestDatabase } from '../helpers/pgDatabase'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

let pgDb: TestDatabase
beforeAll(async () => {
  pgDb = await createTestDatabase()
})
afterAll(async () => {
  await pgDb.drop()
})
let schemas = 0

const link: AccountLinkRecord = {
  id: 'l1',
  tokenHash: 'a'.repeat(64),
  purpose: 'invite',
  email: 'nina@wijk.nl',
  role: 'secretariaat',
  themagroepen: ['Zorg in de wijk'],
  userId: null,
  createdBy: 'user:anna',
  createdAt: '2026-01-01T10:00:00.000Z',
  expiresAt: '2026-01-04T10:00:00.000Z',
  usedAt: null,
}

const backends: [string, () => Promise<Backend> | Backend][] = [
  ['memory', () => new MemoryBackend()],
  ['sqlite', () => new SqliteBackend(tempDir())],
  ['postgres', () => PgBackend.open(pgDb.url, [ACCOUNT_STORES], { schema: `links${++schemas}` })],
]

describe.each(backends)('account links on %s', (_name, make) => {
  const open: Backend[] = []
  afterEach(async () => {
    for (const b of open.splice(0)) await b.close()
    removeTempDirs()
  })

  it('[U2] finds a link by its token hash only, and the first use wins', async () => {
    const backend = await make()
    open.push(backend)
    const links = backend.stores(ACCOUNT_STORES).accountLinks
    await links.create(link)
    expect(await links.getByTokenHash(link.tokenHash)).toEqual(link)
    expect(await links.getByTokenHash('b'.repeat(64))).toBeNull()
    const outcomes = await Promise.all([links.use('l1', '2026-01-02T10:00:00.000Z'), links.use('l1', '2026-01-02T10:00:01.000Z')])
    expect(outcomes.sort()).toEqual([false, true])
    expect((await links.getByTokenHash(link.tokenHash))?.usedAt).toBe('2026-01-02T10:00:00.000Z')
  })
})

describe('account links in SQLite', () => {
  afterEach(() => removeTempDirs())

  it('[U2] survive closing and reopening the store, used or not', async () => {
    const dir = tempDir()
    const first = new SqliteBackend(dir)
    await first.stores(ACCOUNT_STORES).accountLinks.create(link)
    await first.stores(ACCOUNT_STORES).accountLinks.use('l1', '2026-01-02T10:00:00.000Z')
    await first.close()
    const second = new SqliteBackend(dir)
    expect((await second.stores(ACCOUNT_STORES).accountLinks.getByTokenHash(link.tokenHash))?.usedAt).toBe('2026-01-02T10:00:00.000Z')
    await second.close()
  })
})
