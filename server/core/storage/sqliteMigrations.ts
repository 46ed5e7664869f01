/**
 * Schema migrations on SQLite, per feature: the core's document log here,
 * every feature's own next to its stores (StoreDefinition.sqlite.migrations).
 * The table `schema_migrations` holds how many migrations of each ran.
 * Databases from before (one list counted in `PRAGMA user_version`) are
 * recognised through each feature's `legacyUserVersion`.
 */
import type { SqliteDatabase } from './Backend'

export const DOCS_MIGRATIONS: readonly string[] = [
  // 1: update log and snapshots
  `
  CREATE TABLE IF NOT EXISTS doc_updates (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS doc_updates_room ON doc_updates (room, seq);
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    room       TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL,
    data       BLOB NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
]

/** How many migrations of `name` ran on `db`. */
export function appliedMigrations(db: SqliteDatabase, name: string, legacyUserVersion?: number): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, version INTEGER NOT NULL)')
  const row = db.prepare<[string], { version: number }>('SELECT version FROM schema_migrations WHERE name = ?').get(name)
  if (row) return row.version
  const legacy = db.pragma('user_version', { simple: true }) as number
  return legacyUserVersion !== undefined && legacy >= legacyUserVersion ? 1 : 0
}

/** Applies the migrations of `name` that have not run yet, each in its own transaction. */
export function migrate(db: SqliteDatabase, name: string, migrations: readonly string[], legacyUserVersion?: number): void {
  const current = appliedMigrations(db, name, legacyUserVersion)
  if (current > migrations.length) {
    throw new Error(`database schema of ${name} is at version ${current}, newer than this server (${migrations.length})`)
  }
  const record = db.prepare<[string, number]>(
    'INSERT INTO schema_migrations (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version',
  )
  db.transaction(() => record.run(name, current))()
  migrations.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql)
      record.run(name, current + i + 1)
    })()
  })
}
