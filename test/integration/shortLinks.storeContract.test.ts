/** The short-link store contract (SPEC M7), on every backend: found by the code's hash only, kept whole, a code used once. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../server/core/storage/Backend'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import type { StoredShortLink } from '../../server/shortLinks/ShortLinkStore'
import { SHORT_LINK_STORES } from '../../server/shortLinks/shortLinkStoreDefinition'
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

const link: StoredShortLink = {
  codeHash: 'c'.repeat(64),
  sessionId: 's-1',
  iv: 'aXY',
  sealed: 'c2VhbGVk',
  tag: 'dGFn',
  expiresAt: '2026-01-04T10:00:00.000Z',
  createdAt: '2026-01-01T10:00:00.000Z',
}

const backends: [string, () => Promise<Backend> | Backend][] = [
  ['memory', () => new MemoryBackend()],
  ['sqlite', () => new SqliteBackend(tempDir())],
  ['postgres', () => PgBackend.open(pgDb.url, [SHORT_LINK_STORES], { schema: `short${++schemas}` })],
]

describe.each(backends)('short links on %s', (_name, make) => {
  const open: Backend[] = []
  afterEach(async () => {
    for (const b of open.splice(0)) await b.close()
    removeTempDirs()
  })

  it('[M7] gives a link back whole by its code hash only, and refuses a second link with the same code', async () => {
    const backend = await make()
    open.push(backend)
    const links = backend.stores(SHORT_LINK_STORES)
    await links.create(link)
    await links.create({ ...link, codeHash: 'd'.repeat(64), sessionId: 's-2' })
    expect(await links.findByCodeHash(link.codeHash)).toEqual(link)
    expect((await links.findByCodeHash('d'.repeat(64)))?.sessionId).toBe('s-2')
    expect(await links.findByCodeHash('e'.repeat(64))).toBeNull()
    await expect(links.create({ ...link, sessionId: 's-3' })).rejects.toThrow()
    expect((await links.findByCodeHash(link.codeHash))?.sessionId).toBe('s-1')
  })
})
