/** ShortLinkStore in SQLite, on the server's database (the Backend seam runs SHORT_LINK_MIGRATIONS). */
import type { SqliteDatabase } from '../core/storage/Backend'
import type { ShortLinkStore, StoredShortLink } from './ShortLinkStore'

/** Applied in order; never edit one that shipped, append. */
export const SHORT_LINK_MIGRATIONS: readonly string[] = [
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

export class SqliteShortLinkStore implements ShortLinkStore {
  private readonly insert
  private readonly byHash

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare('INSERT INTO short_links (code_hash, session_id, iv, sealed, tag, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.byHash = db.prepare<[string], Row>('SELECT * FROM short_links WHERE code_hash = ?')
  }

  async create(l: StoredShortLink): Promise<void> {
    this.insert.run(l.codeHash, l.sessionId, l.iv, l.sealed, l.tag, l.expiresAt, l.createdAt)
  }

  async findByCodeHash(codeHash: string): Promise<StoredShortLink | null> {
    const r = this.byHash.get(codeHash)
    return r ? { codeHash: r.code_hash, sessionId: r.session_id, iv: r.iv, sealed: r.sealed, tag: r.tag, expiresAt: r.expires_at, createdAt: r.created_at } : null
  }
}
