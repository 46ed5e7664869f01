/** The privacy store (SPEC G1–G12) on each backend: its pseudonym table and the SQLite and PostgreSQL implementations. */
import type { StoreDefinition } from '../core/storage/Backend'
import { UnsupportedPrivacyStore, type PrivacyStore } from './PrivacyStore'
import { PgPrivacyStore, PRIVACY_PG_SCHEMA } from './PgPrivacyStore'
import { SqlitePrivacyStore } from './SqlitePrivacyStore'

export const PRIVACY_STORES: StoreDefinition<PrivacyStore> = {
  name: 'privacy',
  memory: () => new UnsupportedPrivacyStore(),
  sqlite: {
    migrations: [
      // The key is a hash of the person's folded name: the table holds no name (G3).
      'CREATE TABLE privacy_pseudonyms (key TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE);',
    ],
    open: (db) => new SqlitePrivacyStore(db),
  },
  postgres: { migrations: [PRIVACY_PG_SCHEMA], open: (db) => new PgPrivacyStore(db) },
}
