/** Versions and board pictures in SQLite (tables of VERSLAG_SCHEMA, migration 3). */
import type Database from 'better-sqlite3'
import { PICTURE_TYPES, type PictureType } from '../../shared/verslag/versions'
import type { PictureStore, StoredPicture, VerslagStores, VerslagVersionHead, VerslagVersionRecord, VersionStore } from './VerslagStores'

export const VERSLAG_SCHEMA = `
CREATE TABLE verslag_versions (
  session_id      TEXT NOT NULL,
  versie          INTEGER NOT NULL,
  vastgesteld_at  TEXT NOT NULL,
  vastgesteld_op  TEXT NOT NULL,
  actor           TEXT NOT NULL,
  actor_name      TEXT NOT NULL,
  models          TEXT NOT NULL,
  picture_type    TEXT,
  picture         BLOB,
  PRIMARY KEY (session_id, versie)
);
CREATE TABLE board_pictures (
  session_id   TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  data         BLOB NOT NULL,
  updated_at   TEXT NOT NULL
);
`

interface VersionRow {
  session_id: string
  versie: number
  vastgesteld_at: string
  vastgesteld_op: string
  actor: string
  actor_name: string
  models: string
  picture_type: string | null
  picture: Buffer | null
}

type HeadRow = Omit<VersionRow, 'models' | 'picture'> & { has_picture: number }

const pictureType = (value: string): PictureType => (PICTURE_TYPES as readonly string[]).includes(value) ? (value as PictureType) : 'image/png'
const bytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()

const headOf = (row: HeadRow): VerslagVersionHead => ({
  sessionId: row.session_id,
  versie: row.versie,
  vastgesteldAt: row.vastgesteld_at,
  vastgesteldOp: row.vastgesteld_op,
  actor: row.actor,
  actorName: row.actor_name,
  hasPicture: row.has_picture === 1,
})

const versionOf = (row: VersionRow): VerslagVersionRecord => ({
  sessionId: row.session_id,
  versie: row.versie,
  vastgesteldAt: row.vastgesteld_at,
  vastgesteldOp: row.vastgesteld_op,
  actor: row.actor,
  actorName: row.actor_name,
  models: row.models,
  picture:
    row.picture && row.picture_type
      ? { contentType: pictureType(row.picture_type), data: bytes(row.picture), updatedAt: row.vastgesteld_at }
      : null,
})

class SqliteVersionStore implements VersionStore {
  private readonly insert
  private readonly selectHeads
  private readonly selectOne
  private readonly selectLatest

  constructor(db: Database.Database) {
    this.insert = db.prepare<[VersionRow]>(
      `INSERT OR IGNORE INTO verslag_versions (session_id, versie, vastgesteld_at, vastgesteld_op, actor, actor_name, models, picture_type, picture)
       VALUES (@session_id, @versie, @vastgesteld_at, @vastgesteld_op, @actor, @actor_name, @models, @picture_type, @picture)`,
    )
    this.selectHeads = db.prepare<[string], HeadRow>(
      `SELECT session_id, versie, vastgesteld_at, vastgesteld_op, actor, actor_name, picture_type,
              (picture IS NOT NULL) AS has_picture
       FROM verslag_versions WHERE session_id = ? ORDER BY versie`,
    )
    this.selectOne = db.prepare<[string, number], VersionRow>('SELECT * FROM verslag_versions WHERE session_id = ? AND versie = ?')
    this.selectLatest = db.prepare<[string], VersionRow>('SELECT * FROM verslag_versions WHERE session_id = ? ORDER BY versie DESC LIMIT 1')
  }

  async add(v: VerslagVersionRecord): Promise<boolean> {
    const result = this.insert.run({
      session_id: v.sessionId,
      versie: v.versie,
      vastgesteld_at: v.vastgesteldAt,
      vastgesteld_op: v.vastgesteldOp,
      actor: v.actor,
      actor_name: v.actorName,
      models: v.models,
      picture_type: v.picture?.contentType ?? null,
      picture: v.picture ? Buffer.from(v.picture.data) : null,
    })
    return result.changes === 1
  }

  async list(sessionId: string): Promise<VerslagVersionHead[]> {
    return this.selectHeads.all(sessionId).map(headOf)
  }

  async get(sessionId: string, versie: number): Promise<VerslagVersionRecord | null> {
    const row = this.selectOne.get(sessionId, versie)
    return row ? versionOf(row) : null
  }

  async latest(sessionId: string): Promise<VerslagVersionRecord | null> {
    const row = this.selectLatest.get(sessionId)
    return row ? versionOf(row) : null
  }
}

class SqlitePictureStore implements PictureStore {
  private readonly upsert
  private readonly selectOne

  constructor(db: Database.Database) {
    this.upsert = db.prepare<[string, string, Buffer, string]>(
      `INSERT INTO board_pictures (session_id, content_type, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, updated_at = excluded.updated_at`,
    )
    this.selectOne = db.prepare<[string], { content_type: string; data: Buffer; updated_at: string }>(
      'SELECT content_type, data, updated_at FROM board_pictures WHERE session_id = ?',
    )
  }

  async put(sessionId: string, picture: StoredPicture): Promise<void> {
    this.upsert.run(sessionId, picture.contentType, Buffer.from(picture.data), picture.updatedAt)
  }

  async get(sessionId: string): Promise<StoredPicture | null> {
    const row = this.selectOne.get(sessionId)
    return row ? { contentType: pictureType(row.content_type), data: bytes(row.data), updatedAt: row.updated_at } : null
  }
}

/** The stores on a database already migrated (tables of VERSLAG_SCHEMA). */
export function createSqliteVerslagStores(db: Database.Database): VerslagStores {
  return { versions: new SqliteVersionStore(db), pictures: new SqlitePictureStore(db) }
}
