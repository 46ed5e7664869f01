/** Versions and board pictures on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import { createMemoryVerslagStores } from './MemoryVerslagStores'
import { createPgVerslagStores, VERSLAG_PG_SCHEMA } from './PgVerslagStores'
import { createSqliteVerslagStores, VERSLAG_SCHEMA } from './SqliteVerslagStores'
import type { VerslagStores } from './VerslagStores'

export const VERSLAG_STORES: StoreDefinition<VerslagStores> = {
  name: 'verslag',
  memory: createMemoryVerslagStores,
  sqlite: { migrations: [VERSLAG_SCHEMA], legacyUserVersion: 3, open: createSqliteVerslagStores },
  postgres: { migrations: [VERSLAG_PG_SCHEMA], open: createPgVerslagStores },
}
