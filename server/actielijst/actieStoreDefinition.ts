/** The actielijst stores on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import type { ActieStores } from './ActieStore'
import { MemoryActieStore } from './MemoryActieStore'
import { ACTIE_SCHEMA, SqliteActieStore } from './SqliteActieStore'

export const ACTIE_STORES: StoreDefinition<ActieStores> = {
  name: 'actielijst',
  memory: () => ({ actielijst: new MemoryActieStore() }),
  sqlite: {
    migrations: [ACTIE_SCHEMA],
    open: (db) => ({ actielijst: new SqliteActieStore(db) }),
  },
}
