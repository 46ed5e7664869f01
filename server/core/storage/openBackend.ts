/**
 * The backend `npm start` uses: PostgreSQL when DATABASE_URL is set (S30),
 * else SQLite in DATA_DIR (PostgreSQL's module and `pg` are then never
 * loaded, SPEC X16). A database that cannot be reached or migrated
 * stops the start with a message that says which and why.
 */
import type { Backend, StoreDefinition } from './Backend'
import { SqliteBackend } from './SqliteBackend'

export class StartError extends Error {
  override name = 'StartError'
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparsable URL)'
  }
}

export async function openBackend(
  config: { DATA_DIR: string; DATABASE_URL?: string | undefined },
  definitions: readonly StoreDefinition<unknown>[],
): Promise<Backend> {
  if (!config.DATABASE_URL) return new SqliteBackend(config.DATA_DIR)
  try {
    // X16: `pg` loads only when PostgreSQL is used.
    const { PgBackend } = await import('./PgBackend')
    return await PgBackend.open(config.DATABASE_URL, definitions)
  } catch (err) {
    const reason = err instanceof Error ? err.message || err.name : String(err)
    throw new StartError(`Cannot use the PostgreSQL database at ${redactUrl(config.DATABASE_URL)} (DATABASE_URL): ${reason}`)
  }
}
