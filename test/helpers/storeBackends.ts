/**
 * The three backends a store contract runs on — memory, SQLite in a temp
 * folder, PostgreSQL in a database of this test file's own (a schema per
 * backend opened) — for `describe.each`. Call it at the top of a test file:
 * it registers the database's creation and removal, and closes every backend
 * a test opened (`open(make)`) after that test.
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Backend, StoreDefinition } from '../../server/core/storage/Backend'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { createTestDatabase, type TestDatabase } from './pgDatabase'
import { removeTempDirs, tempDir } from './tempDir'

export type MakeBackend = () => Promise<Backend>

export function storeBackends(definitions: readonly StoreDefinition<unknown>[]): { backends: [string, MakeBackend][]; open: (make: MakeBackend) => Promise<Backend> } {
  let pgDb: TestDatabase | undefined
  let schemas = 0
  const opened: Backend[] = []
  beforeAll(async () => {
    pgDb = await createTestDatabase()
  })
  afterEach(async () => {
    for (const backend of opened.splice(0)) await backend.close()
    removeTempDirs()
  })
  afterAll(async () => {
    await pgDb?.drop()
  })
  const backends: [string, MakeBackend][] = [
    ['memory', async () => new MemoryBackend()],
    ['sqlite', async () => new SqliteBackend(tempDir())],
    [
      'postgres',
      async () => {
        if (!pgDb) throw new Error('storeBackends: the test database is made in beforeAll')
        return PgBackend.open(pgDb.url, definitions, { schema: `contract${++schemas}` })
      },
    ],
  ]
  return {
    backends,
    open: async (make) => {
      const backend = await make()
      opened.push(backend)
      return backend
    },
  }
}
