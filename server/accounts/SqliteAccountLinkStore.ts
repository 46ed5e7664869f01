/** Account links in SQLite, on the same database as the access stores. */
import type Database from 'better-sqlite3'
import { insertSql } from '../core/storage/insertSql'
import { ACCOUNT_LINK_COLUMNS, accountLinkOf, accountLinkValues, type AccountLinkRow } from './accountLinkRows'
import type { AccountLinkRecord, AccountLinkStore } from './AccountLinkStore'

export const ACCOUNT_LINK_SCHEMA = `
CREATE TABLE IF NOT EXISTS account_links (
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

export class SqliteAccountLinkStore implements AccountLinkStore {
  private readonly insert
  private readonly byHash
  private readonly markUsed
  constructor(db: Database.Database) {
    this.insert = db.prepare(insertSql('account_links', ACCOUNT_LINK_COLUMNS, 'sqlite'))
    this.byHash = db.prepare<[string], AccountLinkRow>('SELECT * FROM account_links WHERE token_hash = ?')
    this.markUsed = db.prepare('UPDATE account_links SET used_at = ? WHERE id = ? AND used_at IS NULL')
  }
  async create(l: AccountLinkRecord): Promise<void> {
    this.insert.run(...accountLinkValues(l))
  }
  async getByTokenHash(tokenHash: string): Promise<AccountLinkRecord | null> {
    const r = this.byHash.get(tokenHash)
    return r ? accountLinkOf(r) : null
  }
  async use(id: string, at: string): Promise<boolean> {
    return this.markUsed.run(at, id).changes === 1
  }
}
