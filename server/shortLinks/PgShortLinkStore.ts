/** ShortLinkStore in PostgreSQL (SHORT_LINK_PG_MIGRATIONS); the SQLite sibling is SqliteShortLinkStore.ts. */
import type { PgDb } from '../core/storage/pgPool'
import type { ShortLinkStore, StoredShortLink } from './ShortLinkStore'

/** Applied in order; never edit one that shipped, append. */
export const SHORT_LINK_PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE short_links (
    code_hash  TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    iv         TEXT NOT NULL,
    sealed     TEXT NOT NULL,
    tag        TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
]

interface Row {
  code_hash: string
  session_id: string
  iv: string
  sealed: string
  tag: string
  expires_at: string
  created_at: string
}

export class PgShortLinkStore implements ShortLinkStore {
  constructor(private readonly db: PgDb) {}

  async create(l: StoredShortLink): Promise<void> {
    await this.db.query(
      'INSERT INTO short_links (code_hash, session_id, iv, sealed, tag, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [l.codeHash, l.sessionId, l.iv, l.sealed, l.tag, l.expiresAt, l.createdAt],
    )
  }

  async findByCodeHash(codeHash: string): Promise<StoredShortLink | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM short_links WHERE code_hash = $1', [codeHash])
    const r = rows[0]
    return r ? { codeHash: r.code_hash, sessionId: r.session_id, iv: r.iv, sealed: r.sealed, tag: r.tag, expiresAt: r.expires_at, createdAt: r.created_at } : null
  }
}
