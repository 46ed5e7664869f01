/** Account links in PostgreSQL (S30); the SQLite sibling is SqliteAccountLinkStore.ts. */
import { z } from 'zod'
import { accountRoleSchema } from '../../shared/access'
import { ACCOUNT_LINK_PURPOSES } from '../../shared/accounts'
import type { PgDb } from '../core/storage/pgPool'
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

interface Row {
  id: string
  token_hash: string
  purpose: string
  email: string
  role: string
  themagroepen: string
  user_id: string | null
  created_by: string
  created_at: string
  expires_at: string
  used_at: string | null
}

const groups = z.array(z.string())

export class PgAccountLinkStore implements AccountLinkStore {
  constructor(private readonly db: PgDb) {}
  async create(l: AccountLinkRecord): Promise<void> {
    await this.db.query(
      'INSERT INTO account_links (id, token_hash, purpose, email, role, themagroepen, user_id, created_by, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
      [l.id, l.tokenHash, l.purpose, l.email, l.role, JSON.stringify(l.themagroepen), l.userId, l.createdBy, l.createdAt, l.expiresAt, l.usedAt],
    )
  }
  async getByTokenHash(tokenHash: string): Promise<AccountLinkRecord | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM account_links WHERE token_hash = $1', [tokenHash])
    const r = rows[0]
    if (!r) return null
    return {
      id: r.id,
      tokenHash: r.token_hash,
      purpose: z.enum(ACCOUNT_LINK_PURPOSES).parse(r.purpose),
      email: r.email,
      role: accountRoleSchema.parse(r.role),
      themagroepen: groups.parse(JSON.parse(r.themagroepen)),
      userId: r.user_id,
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
    }
  }
  async use(id: string, at: string): Promise<boolean> {
    return ((await this.db.query('UPDATE account_links SET used_at = $1 WHERE id = $2 AND used_at IS NULL', [at, id])).rowCount ?? 0) === 1
  }
}
