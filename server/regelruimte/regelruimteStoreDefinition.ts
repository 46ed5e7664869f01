/** The status history of regelruimte requests on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import { MemoryRegelruimteStatusStore } from './MemoryRegelruimteStatusStore'
import { PgRegelruimteStatusStore, REGELRUIMTE_PG_SCHEMA } from './PgRegelruimteStatusStore'
import type { RegelruimteStores } from './RegelruimteStatusStore'
import { REGELRUIMTE_SCHEMA, SqliteRegelruimteStatusStore } from './SqliteRegelruimteStatusStore'

export const REGELRUIMTE_STORES: StoreDefinition<RegelruimteStores> = {
  name: 'regelruimte',
  memory: () => ({ regelruimteStatus: new MemoryRegelruimteStatusStore() }),
  sqlite: {
    migrations: [REGELRUIMTE_SCHEMA],
    legacyUserVersion: 4,
    open: (db) => ({ regelruimteStatus: new SqliteRegelruimteStatusStore(db) }),
  },
  postgres: { migrations: [REGELRUIMTE_PG_SCHEMA], open: (db) => ({ regelruimteStatus: new PgRegelruimteStatusStore(db) }) },
}
