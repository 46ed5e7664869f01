/** Account links in PostgreSQL (S30); the SQLite sibling is SqliteAccountLinkStore.ts. */
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import { ACCOUNT_LINK_COLUMNS, accountLinkOf, accountLinkValues, type AccountLinkRow } from './accountLinkRows'
import type { AccountLinkRecord, AccountLinkStore } from './AccountLinkStore'

export const ACCOUNT_LINK_PG_SCHEMA = `
CREATE TABLE account_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  themagroepen TEXT NOT NULL,
  user_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
`

export class PgAccountLinkStore implements AccountLinkStore {
  constructor(private readonly db: PgDb) {}
  async create(l: AccountLinkRecord): Promise<void> {
    await this.db.query(insertSql('account_links', ACCOUNT_LINK_COLUMNS, 'pg'), accountLinkValues(l))
  }
  async getByTokenHash(tokenHash: string): Promise<AccountLinkRecord | null> {
    const { rows } = await this.db.query<AccountLinkRow>('SELECT * FROM account_links WHERE token_hash = $1', [tokenHash])
    const r = rows[0]
    return r ? accountLinkOf(r) : null
  }
  async use(id: string, at: string): Promise<boolean> {
    return ((await this.db.query('UPDATE account_links SET used_at = $1 WHERE id = $2 AND used_at IS NULL', [at, id])).rowCount ?? 0) === 1
  }
}
