import { afterAll } from 'vitest'
import { MemoryPrivateStickyStore } from '../../server/facilitation/MemoryPrivateStickyStore'
import { FACILITATION_STORES } from '../../server/facilitation/facilitationStoreDefinition'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { privateStickyStoreContract } from './facilitation.storeContract'

afterAll(() => removeTempDirs())

privateStickyStoreContract('memory', async () => ({ store: new MemoryPrivateStickyStore() }))

privateStickyStoreContract('SQLite', async () => {
  // On the server's own database, migrated by the backend as the extension opens it.
  const dir = tempDir()
  let backend = new SqliteBackend(dir)
  const store = backend.stores(FACILITATION_STORES)
  return {
    store: { ...store, listByAuthor: store.listByAuthor.bind(store), listBySession: store.listBySession.bind(store), add: store.add.bind(store), update: store.update.bind(store), remove: store.remove.bind(store), removeMany: store.removeMany.bind(store), close: () => backend.close() },
    reopen: async () => {
      backend = new SqliteBackend(dir)
      const again = backend.stores(FACILITATION_STORES)
      return { listByAuthor: again.listByAuthor.bind(again), listBySession: again.listBySession.bind(again), add: again.add.bind(again), update: again.update.bind(again), remove: again.remove.bind(again), removeMany: again.removeMany.bind(again), close: () => backend.close() }
    },
  }
})
