/** The session index on every kind of backend. */
import type { StoreDefinition } from '../core/storage/Backend'
import { MemorySessionStore } from './MemorySessionStore'
import { PgSessionStore, SESSIONS_PG_MIGRATIONS } from './PgSessionStore'
import type { SessionStore } from './SessionStore'
import { SESSIONS_MIGRATIONS, SqliteSessionStore } from './SqliteSessionStore'

export const SESSION_STORES: StoreDefinition<SessionStore> = {
  name: 'sessions',
  memory: () => new MemorySessionStore(),
  // Created by migration 1 of the single list that came before per-feature migrations.
  sqlite: { migrations: SESSIONS_MIGRATIONS, legacyUserVersion: 1, open: (db) => new SqliteSessionStore(db) },
  postgres: { migrations: SESSIONS_PG_MIGRATIONS, open: (db) => new PgSessionStore(db) },
}
