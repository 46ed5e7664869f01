/**
 * PostgreSQL plumbing shared by every Pg* store: what a store is given
 * (PgDb), conversions, and the migrations runner; the pool itself is in
 * pgConnectionPool.ts, so that the `pg` package loads only with DATABASE_URL
 * (SPEC X16). Stores keep timestamps as ISO text (as
 * in SQLite) and sort keys in the "C" collation, so every implementation
 * orders exactly alike (the contract suites compare them).
 */
import type pg from 'pg'

/** What a Pg* store needs: run one statement, or several in one transaction. */
export interface PgDb {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>
}

/** Any number from PostgreSQL (bigint arrives as a string). */
export const num = (value: string | number): number => (typeof value === 'number' ? value : Number(value))

export const bytesOf = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()

/**
 * Applies the migrations of `name` not applied yet, in one transaction under
 * an advisory lock, so that instances starting together do not both run one.
 * `schema_migrations` holds how many of each name have run (as on SQLite).
 */
export async function migratePg(db: PgDb, name: string, migrations: readonly string[], schema?: string): Promise<void> {
  await db.transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(7242031)')
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, version INTEGER NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations WHERE name = $1', [name])
    let current = rows[0]?.version ?? 0
    if (current > migrations.length) {
      throw new Error(`database schema of ${name} is at version ${current}, newer than this server (${migrations.length})`)
    }
    for (const sql of migrations.slice(current)) {
      await client.query(sql)
      current++
    }
    await client.query(
      'INSERT INTO schema_migrations (name, version) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET version = excluded.version',
      [name, current],
    )
  })
}
