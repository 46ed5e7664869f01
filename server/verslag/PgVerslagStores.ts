/** Versions and board pictures in PostgreSQL (tables of VERSLAG_PG_SCHEMA); the SQLite sibling is SqliteVerslagStores.ts. */
import { PICTURE_TYPES, type PictureType } from '../../shared/verslag/versions'
import { bytesOf, type PgDb } from '../core/storage/pgPool'
import type { PictureStore, StoredPicture, VerslagStores, VerslagVersionHead, VerslagVersionRecord, VersionStore } from './VerslagStores'

export const VERSLAG_PG_SCHEMA = `
CREATE TABLE verslag_versions (
  session_id      TEXT NOT NULL,
  versie          INTEGER NOT NULL,
  vastgesteld_at  TEXT NOT NULL,
  vastgesteld_op  TEXT NOT NULL,
  actor           TEXT NOT NULL,
  actor_name      TEXT NOT NULL,
  models          TEXT NOT NULL,
  picture_type    TEXT,
  picture         BYTEA,
  PRIMARY KEY (session_id, versie)
);
CREATE TABLE board_pictures (
  session_id   TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  data         BYTEA NOT NULL,
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

type HeadRow = Omit<VersionRow, 'models' | 'picture'> & { has_picture: boolean }

const pictureType = (value: string): PictureType =>
  (PICTURE_TYPES as readonly string[]).includes(value) ? (value as PictureType) : 'image/png'

const headOf = (row: HeadRow): VerslagVersionHead => ({
  sessionId: row.session_id,
  versie: row.versie,
  vastgesteldAt: row.vastgesteld_at,
  vastgesteldOp: row.vastgesteld_op,
  actor: row.actor,
  actorName: row.actor_name,
  hasPicture: row.has_picture,
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
      ? { contentType: pictureType(row.picture_type), data: bytesOf(row.picture), updatedAt: row.vastgesteld_at }
      : null,
})

class PgVersionStore implements VersionStore {
  constructor(private readonly db: PgDb) {}

  async add(v: VerslagVersionRecord): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO verslag_versions (session_id, versie, vastgesteld_at, vastgesteld_op, actor, actor_name, models, picture_type, picture)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [
        v.sessionId,
        v.versie,
        v.vastgesteldAt,
        v.vastgesteldOp,
        v.actor,
        v.actorName,
        v.models,
        v.picture?.contentType ?? null,
        v.picture ? Buffer.from(v.picture.data) : null,
      ],
    )
    return result.rowCount === 1
  }

  async list(sessionId: string): Promise<VerslagVersionHead[]> {
    const { rows } = await this.db.query<HeadRow>(
      `SELECT session_id, versie, vastgesteld_at, vastgesteld_op, actor, actor_name, picture_type,
              (picture IS NOT NULL) AS has_picture
       FROM verslag_versions WHERE session_id = $1 ORDER BY versie`,
      [sessionId],
    )
    return rows.map(headOf)
  }

  async get(sessionId: string, versie: number): Promise<VerslagVersionRecord | null> {
    const { rows } = await this.db.query<VersionRow>('SELECT * FROM verslag_versions WHERE session_id = $1 AND versie = $2', [
      sessionId,
      versie,
    ])
    return rows[0] ? versionOf(rows[0]) : null
  }

  async latest(sessionId: string): Promise<VerslagVersionRecord | null> {
    const { rows } = await this.db.query<VersionRow>(
      'SELECT * FROM verslag_versions WHERE session_id = $1 ORDER BY versie DESC LIMIT 1',
      [sessionId],
    )
    return rows[0] ? versionOf(rows[0]) : null
  }
}

class PgPictureStore implements PictureStore {
  constructor(private readonly db: PgDb) {}

  async put(sessionId: string, picture: StoredPicture): Promise<void> {
    await this.db.query(
      `INSERT INTO board_pictures (session_id, content_type, data, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data, updated_at = excluded.updated_at`,
      [sessionId, picture.contentType, Buffer.from(picture.data), picture.updatedAt],
    )
  }

  async get(sessionId: string): Promise<StoredPicture | null> {
    const { rows } = await this.db.query<{ content_type: string; data: Buffer; updated_at: string }>(
      'SELECT content_type, data, updated_at FROM board_pictures WHERE session_id = $1',
      [sessionId],
    )
    const row = rows[0]
    return row ? { contentType: pictureType(row.content_type), data: bytesOf(row.data), updatedAt: row.updated_at } : null
  }
}

export function createPgVerslagStores(db: PgDb): VerslagStores {
  return { versions: new PgVersionStore(db), pictures: new PgPictureStore(db) }
}
