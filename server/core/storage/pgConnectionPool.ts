/**
 * The pool behind PgDb (`pg`): loaded only when PostgreSQL is used
 * (PgBackend, imported on demand by openBackend; SPEC X16).
 */
import pg from 'pg'
import type { PgDb } from './pgPool'

export class PgPool implements PgDb {
  readonly pool: pg.Pool

  /**
   * `schema` (tests) puts every table in that schema, created when missing,
   * so that one database holds many independent stores.
   */
  constructor(connectionString: string, opts: { schema?: string; max?: number } = {}) {
    this.pool = new pg.Pool({
      connectionString,
      max: opts.max ?? 10,
      // Without this a cut connection would hang an append forever.
      connectionTimeoutMillis: 10_000,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    })
    // An idle client that loses its server emits 'error' on the pool: log-worthy, never fatal.
    this.pool.on('error', () => undefined)
  }

  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values)
  }

  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  end(): Promise<void> {
    return this.pool.end()
  }
}
