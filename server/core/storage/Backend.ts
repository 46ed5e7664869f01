/**
 * The storage backend seam: the core owns the document log (DocStore) and
 * hands every extension a way to open its own stores on the same database.
 * A feature describes its stores once per kind of backend (StoreDefinition):
 * the in-memory reference, SQLite and PostgreSQL. The backend
 * runs the feature's migrations, opens its stores once and keeps them, so
 * that two servers on one backend (a restart in tests) share them.
 */
import type Database from 'better-sqlite3'
import type { DocStore } from './DocStore'
import type { PgDb } from './pgPool'

export type SqliteDatabase = Database.Database

export interface StoreDefinition<T> {
  /** Unique per feature; names its migrations in the database. */
  readonly name: string
  /** Fresh in-memory stores (tests, benchmarks; nothing survives the process). */
  memory(): T
  sqlite: {
    /** Schema migrations, applied in order; append new ones, never edit old ones. */
    readonly migrations: readonly string[]
    /**
     * Databases made before per-feature migrations counted one list in
     * `PRAGMA user_version`: from this value on, this feature's first
     * migration had run there.
     */
    readonly legacyUserVersion?: number
    open(db: SqliteDatabase): T
  }
  /** S30: the same stores on PostgreSQL, passing the same contract suite. */
  postgres: {
    /** Schema migrations, applied in order; append new ones, never edit old ones. */
    readonly migrations: readonly string[]
    open(db: PgDb): T
  }
}

export interface Backend {
  readonly docs: DocStore
  /** The stores of one feature: migrated and opened on first use, the same object afterwards. */
  stores<T>(definition: StoreDefinition<T>): T
  /** Flushes and releases resources. */
  close(): Promise<void>
}
