/** The access stores (users, logins, themagroepen, invites, audit) on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import type { AccessStores } from './AccessStores'
import { createMemoryAccessStores } from './MemoryAccessStores'
import { ACCESS_PG_SCHEMA, createPgAccessStores } from './PgAccessStores'
import { ACCESS_SCHEMA, createSqliteAccessStores } from './SqliteAccessStores'

export const ACCESS_STORES: StoreDefinition<AccessStores> = {
  name: 'access',
  memory: createMemoryAccessStores,
  sqlite: { migrations: [ACCESS_SCHEMA], legacyUserVersion: 2, open: createSqliteAccessStores },
  postgres: { migrations: [ACCESS_PG_SCHEMA], open: createPgAccessStores },
}
