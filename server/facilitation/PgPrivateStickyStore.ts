/**
 * PrivateStickyStore in PostgreSQL; the SQLite sibling is
 * SqlitePrivateStickyStore.ts. The order of a session's stickies is an
 * identity column, shared by every instance.
 */
import type { Tag } from '../../shared/tags'
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import type { PrivateStickyStore, StoredPrivateSticky } from './PrivateStickyStore'
import { PRIVATE_STICKY_COLUMNS, privateStickyOf, privateStickyValues, type PrivateStickyRow } from './privateStickyRows'

/** Applied in order; never edit one that shipped, append. */
export const PRIVATE_STICKY_PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE private_stickies (
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY,
    id                  TEXT PRIMARY KEY,
    session_id          TEXT NOT NULL,
    author_id           TEXT NOT NULL,
    author_name         TEXT NOT NULL,
    author_organisation TEXT NOT NULL,
    text                TEXT NOT NULL,
    tag                 TEXT NOT NULL,
    sheet_id            TEXT,
    created_at          TEXT NOT NULL
  );
  CREATE INDEX private_stickies_session ON private_stickies (session_id, author_id, seq);
  `,
]

const COLUMNS = PRIVATE_STICKY_COLUMNS.join(', ')
const INSERT = insertSql('private_stickies', PRIVATE_STICKY_COLUMNS, 'pg')

export class PgPrivateStickyStore implements PrivateStickyStore {
  constructor(private readonly db: PgDb) {}

  async add(s: StoredPrivateSticky): Promise<void> {
    await this.db.query(INSERT, privateStickyValues(s))
  }

  async listByAuthor(sessionId: string, authorId: string): Promise<StoredPrivateSticky[]> {
    const { rows } = await this.db.query<PrivateStickyRow>(
      `SELECT ${COLUMNS} FROM private_stickies WHERE session_id = $1 AND author_id = $2 ORDER BY seq`,
      [sessionId, authorId],
    )
    return rows.map(privateStickyOf)
  }

  async listBySession(sessionId: string): Promise<StoredPrivateSticky[]> {
    const { rows } = await this.db.query<PrivateStickyRow>(`SELECT ${COLUMNS} FROM private_stickies WHERE session_id = $1 ORDER BY seq`, [sessionId])
    return rows.map(privateStickyOf)
  }

  async update(sessionId: string, authorId: string, id: string, patch: { text?: string; tag?: Tag }): Promise<StoredPrivateSticky | null> {
    const { rows } = await this.db.query<PrivateStickyRow>(
      `UPDATE private_stickies SET text = COALESCE($1, text), tag = COALESCE($2, tag)
       WHERE id = $3 AND session_id = $4 AND author_id = $5 RETURNING ${COLUMNS}`,
      [patch.text ?? null, patch.tag ?? null, id, sessionId, authorId],
    )
    return rows[0] ? privateStickyOf(rows[0]) : null
  }

  async remove(sessionId: string, authorId: string, id: string): Promise<boolean> {
    const result = await this.db.query('DELETE FROM private_stickies WHERE id = $1 AND session_id = $2 AND author_id = $3', [
      id,
      sessionId,
      authorId,
    ])
    return (result.rowCount ?? 0) > 0
  }

  async removeMany(sessionId: string, ids: readonly string[]): Promise<void> {
    await this.db.query('DELETE FROM private_stickies WHERE session_id = $1 AND id = ANY($2::text[])', [sessionId, [...ids]])
  }

  /** The backend closes the pool. */
  async close(): Promise<void> {}
}
