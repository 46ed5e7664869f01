/**
 * PrivateStickyStore in SQLite: its own connection to the server's database
 * file (WAL allows several), its table made by the migrations below. The
 * feature keeps its own schema version (table `feature_schema`), so that it
 * does not take a number in the core's migration list.
 */
import Database from 'better-sqlite3'
import { tagSchema, type Tag } from '../../shared/tags'
import type { PrivateStickyStore, StoredPrivateSticky } from './PrivateStickyStore'

export const FEATURE = 'facilitation'

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

const fromRow = (r: Row): StoredPrivateSticky => ({
  id: r.id,
  sessionId: r.session_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorOrganisation: r.author_organisation,
  text: r.text,
  tag: tagSchema.catch('opmerking').parse(r.tag),
  sheetId: r.sheet_id,
  createdAt: r.created_at,
})

export function migrateFeature(db: Database.Database, feature: string, migrations: readonly string[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS feature_schema (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)')
  db.transaction(() => {
    const row = db.prepare<[string], { version: number }>('SELECT version FROM feature_schema WHERE feature = ?').get(feature)
    const current = row?.version ?? 0
    if (current > migrations.length) throw new Error(`${feature} schema version ${current} is newer than this server (${migrations.length})`)
    for (const sql of migrations.slice(current)) db.exec(sql)
    db.prepare('INSERT INTO feature_schema (feature, version) VALUES (?, ?) ON CONFLICT (feature) DO UPDATE SET version = excluded.version').run(
      feature,
      migrations.length,
    )
  })()
}

export class SqlitePrivateStickyStore implements PrivateStickyStore {
  private readonly db: Database.Database
  private seq = 0

  /** `file` is the server's SQLite file, or ':memory:'. */
  constructor(file: string) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('busy_timeout = 5000')
    migrateFeature(this.db, FEATURE, PRIVATE_STICKY_MIGRATIONS)
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
  }
}
