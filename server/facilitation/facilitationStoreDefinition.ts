/** The private-sticky store (F6, F9) on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import { MemoryPrivateStickyStore } from './MemoryPrivateStickyStore'
import type { PrivateStickyStore } from './PrivateStickyStore'
import { PRIVATE_STICKY_MIGRATIONS, SqlitePrivateStickyStore } from './SqlitePrivateStickyStore'

export const FACILITATION_STORES: StoreDefinition<PrivateStickyStore> = {
  name: 'facilitation',
  memory: () => new MemoryPrivateStickyStore(),
  sqlite: {
    migrations: PRIVATE_STICKY_MIGRATIONS,
    open: (db) => new SqlitePrivateStickyStore(db),
  },
}
