/**
 * The `short_links` table as both SQL stores create, write and read it
 * (SQLite and PostgreSQL take the same text here): its migrations, its
 * columns in insert order, a link's values in that order and a row read back.
 * One place, so the two stores cannot drift apart.
 */
import type { StoredShortLink } from './ShortLinkStore'

/** Applied in order by either SQL backend; never edit one that shipped, append. */
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

export const SHORT_LINK_COLUMNS = ['code_hash', 'session_id', 'iv', 'sealed', 'tag', 'expires_at', 'created_at'] as const

export interface ShortLinkRow {
  code_hash: string
  session_id: string
  iv: string
  sealed: string
  tag: string
  expires_at: string
  created_at: string
}

/** A link's values in the order of SHORT_LINK_COLUMNS. */
export const shortLinkValues = (l: StoredShortLink): string[] => [l.codeHash, l.sessionId, l.iv, l.sealed, l.tag, l.expiresAt, l.createdAt]

export const shortLinkOf = (r: ShortLinkRow): StoredShortLink => ({
  codeHash: r.code_hash,
  sessionId: r.session_id,
  iv: r.iv,
  sealed: r.sealed,
  tag: r.tag,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
})
