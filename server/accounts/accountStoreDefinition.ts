/** The account link store on every kind of backend (memory, SQLite, PostgreSQL). */
import type { StoreDefinition } from '../core/storage/Backend'
import type { AccountStores } from './AccountLinkStore'
import { MemoryAccountLinkStore } from './MemoryAccountLinkStore'
import { ACCOUNT_LINK_PG_SCHEMA, PgAccountLinkStore } from './PgAccountLinkStore'
import { ACCOUNT_LINK_SCHEMA, SqliteAccountLinkStore } from './SqliteAccountLinkStore'

export const ACCOUNT_STORES: StoreDefinition<AccountStores> = {
  name: 'accounts',
  memory: () => ({ accountLinks: new MemoryAccountLinkStore() }),
  sqlite: { migrations: [ACCOUNT_LINK_SCHEMA], open: (db) => ({ accountLinks: new SqliteAccountLinkStore(db) }) },
  postgres: { migrations: [ACCOUNT_LINK_PG_SCHEMA], open: (db) => ({ accountLinks: new PgAccountLinkStore(db) }) },
}
