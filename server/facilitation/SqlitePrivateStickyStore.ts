/**
 * PrivateStickyStore in SQLite, on the server's database (the Backend seam
 * runs PRIVATE_STICKY_MIGRATIONS; facilitationStoreDefinition.ts).
 */
import type { SqliteDatabase } from '../core/storage/Backend'
import { tagSchema, type Tag } from '../../shared/tags'
import type { PrivateStickyStore, StoredPrivateSticky } from './PrivateStickyStore'

/** Applied in order; never edit one that shipped, append. */
export const PRIVATE_STICKY_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE private_stickies (
    id                  TEXT PRIMARY KEY,
    session_id          TEXT NOT NULL,
    author_id           TEXT NOT NULL,
    author_name         TEXT NOT NULL,
    author_organisation TEXT NOT NULL,
    text                TEXT NOT NULL,
    tag                 TEXT NOT NULL,
    sheet_id            TEXT,
    created_at          TEXT NOT NULL,
    seq                 INTEGER NOT NULL
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

export class SqlitePrivateStickyStore implements PrivateStickyStore {
  private seq = 0

  constructor(private readonly db: SqliteDatabase) {
    const max = this.db.prepare<[], { m: number | null }>('SELECT MAX(seq) AS m FROM private_stickies').get()
    this.seq = max?.m ?? 0
  }

  async add(s: StoredPrivateSticky): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO private_stickies (id, session_id, author_id, author_name, author_organisation, text, tag, sheet_id, created_at, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.sessionId, s.authorId, s.authorName, s.authorOrganisation, s.text, s.tag, s.sheetId, s.createdAt, ++this.seq)
  }

  async listByAuthor(sessionId: string, authorId: string): Promise<StoredPrivateSticky[]> {
    return this.db
      .prepare<[string, string], Row>('SELECT * FROM private_stickies WHERE session_id = ? AND author_id = ? ORDER BY seq')
      .all(sessionId, authorId)
      .map(fromRow)
  }

  async listBySession(sessionId: string): Promise<StoredPrivateSticky[]> {
    return this.db.prepare<[string], Row>('SELECT * FROM private_stickies WHERE session_id = ? ORDER BY seq').all(sessionId).map(fromRow)
  }

  async update(sessionId: string, authorId: string, id: string, patch: { text?: string; tag?: Tag }): Promise<StoredPrivateSticky | null> {
    const info = this.db
      .prepare('UPDATE private_stickies SET text = COALESCE(?, text), tag = COALESCE(?, tag) WHERE id = ? AND session_id = ? AND author_id = ?')
      .run(patch.text ?? null, patch.tag ?? null, id, sessionId, authorId)
    if (info.changes === 0) return null
    const row = this.db.prepare<[string], Row>('SELECT * FROM private_stickies WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  async remove(sessionId: string, authorId: string, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM private_stickies WHERE id = ? AND session_id = ? AND author_id = ?').run(id, sessionId, authorId).changes > 0
  }

  async removeMany(sessionId: string, ids: readonly string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM private_stickies WHERE id = ? AND session_id = ?')
    this.db.transaction(() => {
      for (const id of ids) del.run(id, sessionId)
    })()
  }

  /** The backend closes the database. */
  async close(): Promise<void> {}
}
