/** The account link store contract (SPEC U2), on every backend: stored by hash, used once, kept across a reopen. */
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountLinkRecord } from '../../server/accounts/AccountLinkStore'
import { ACCOUNT_STORES } from '../../server/accounts/accountStoreDefinition'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { storeBackends } from '../helpers/storeBackends'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const { backends, open } = storeBackends([ACCOUNT_STORES])

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

describe.each(backends)('account links on %s', (_name, make) => {
  it('[U2] finds a link by its token hash only, and the first use wins', async () => {
    const backend = await open(make)
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
