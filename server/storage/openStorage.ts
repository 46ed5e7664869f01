/**
 * The storage `npm start` uses: PostgreSQL when DATABASE_URL is set (S30),
 * else SQLite in DATA_DIR. A database that cannot be reached or migrated
 * stops the start with a message that says which and why.
 */
import { PgStorage } from './PgStorage'
import { SqliteStorage } from './SqliteStorage'
import type { Storage } from './Storage'

export class StorageStartError extends Error {
  override name = 'StorageStartError'
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

export async function openStorage(config: { DATA_DIR: string; DATABASE_URL?: string }): Promise<Storage> {
  if (!config.DATABASE_URL) return new SqliteStorage(config.DATA_DIR)
  try {
    return await PgStorage.open(config.DATABASE_URL)
  } catch (err) {
    const reason = err instanceof Error ? err.message || err.name : String(err)
    throw new StorageStartError(`Cannot use the PostgreSQL database at ${redactUrl(config.DATABASE_URL)} (DATABASE_URL): ${reason}`)
  }
}
