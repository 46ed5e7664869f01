import path from 'node:path'
import { afterAll } from 'vitest'
import { MemoryPrivateStickyStore } from '../../server/facilitation/MemoryPrivateStickyStore'
import { SqlitePrivateStickyStore } from '../../server/facilitation/SqlitePrivateStickyStore'
import { SqliteStorage, SQLITE_FILE } from '../../server/storage/SqliteStorage'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { privateStickyStoreContract } from './facilitation.storeContract'

afterAll(() => removeTempDirs())

privateStickyStoreContract('memory', async () => ({ store: new MemoryPrivateStickyStore() }))

privateStickyStoreContract('SQLite', async () => {
  const dir = tempDir()
  // Next to the server's own tables, in the same file (as setupFacilitation does).
  const storage = new SqliteStorage(dir)
  await storage.close()
  const file = path.join(dir, SQLITE_FILE)
  return { store: new SqlitePrivateStickyStore(file), reopen: async () => new SqlitePrivateStickyStore(file) }
})
