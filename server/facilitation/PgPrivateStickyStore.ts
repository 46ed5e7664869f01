/**
 * PrivateStickyStore in PostgreSQL; the SQLite sibling is
 * SqlitePrivateStickyStore.ts. The order of a session's stickies is an
 * identity column, shared by every instance.
 */
import { tagSchema, type Tag } from '../../shared/tags'
import type { PgDb } from '../core/storage/pgPool'
import type { PrivateStickyStore, StoredPrivateSticky } from './PrivateStickyStore'

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

interface Row {
  id: string
  session_id: string
  author_id: string
  author_name: string
  author_organisation: string
  text: string
  tag: string
  sheet_id: string | null
  created_at: string
}

const COLUMNS = 'id, session_id, author_id, author_name, author_organisation, text, tag, sheet_id, created_at'

/** Built once: a zod schema is costly to build, and rows are read per request. */
const tagOrDefault = tagSchema.catch('opmerking')

const fromRow = (r: Row): StoredPrivateSticky => ({
  id: r.id,
  sessionId: r.session_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorOrganisation: r.author_organisation,
  text: r.text,
  tag: tagOrDefault.parse(r.tag),
  sheetId: r.sheet_id,
  createdAt: r.created_at,
})

export class PgPrivateStickyStore implements PrivateStickyStore {
  constructor(private readonly db: PgDb) {}

  async add(s: StoredPrivateSticky): Promise<void> {
    await this.db.query(
      `INSERT INTO private_stickies (id, session_id, author_id, author_name, author_organisation, text, tag, sheet_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.id, s.sessionId, s.authorId, s.authorName, s.authorOrganisation, s.text, s.tag, s.sheetId, s.createdAt],
    )
  }

  async listByAuthor(sessionId: string, authorId: string): Promise<StoredPrivateSticky[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM private_stickies WHERE session_id = $1 AND author_id = $2 ORDER BY seq`,
      [sessionId, authorId],
    )
    return rows.map(fromRow)
  }

  async listBySession(sessionId: string): Promise<StoredPrivateSticky[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM private_stickies WHERE session_id = $1 ORDER BY seq`, [sessionId])
    return rows.map(fromRow)
  }

  async update(sessionId: string, authorId: string, id: string, patch: { text?: string; tag?: Tag }): Promise<StoredPrivateSticky | null> {
    const { rows } = await this.db.query<Row>(
      `UPDATE private_stickies SET text = COALESCE($1, text), tag = COALESCE($2, tag)
       WHERE id = $3 AND session_id = $4 AND author_id = $5 RETURNING ${COLUMNS}`,
      [patch.text ?? null, patch.tag ?? null, id, sessionId, authorId],
    )
    return rows[0] ? fromRow(rows[0]) : null
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
