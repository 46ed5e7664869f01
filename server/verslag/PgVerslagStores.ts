/** Versions and board pictures in PostgreSQL (tables of VERSLAG_PG_SCHEMA); the SQLite sibling is SqliteVerslagStores.ts. */
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import type { PictureStore, StoredPicture, VerslagStores, VerslagVersionHead, VerslagVersionRecord, VersionStore } from './VerslagStores'
import {
  pictureOf,
  upsertPictureSql,
  VERSION_COLUMNS,
  VERSION_HEAD_SELECT,
  versionHeadOf,
  versionOf,
  versionValues,
  type PictureRow,
  type VersionHeadRow,
  type VersionRow,
} from './verslagRows'

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

const INSERT_VERSION = `${insertSql('verslag_versions', VERSION_COLUMNS, 'pg')} ON CONFLICT DO NOTHING`

class PgVersionStore implements VersionStore {
  constructor(private readonly db: PgDb) {}

  async add(v: VerslagVersionRecord): Promise<boolean> {
    const result = await this.db.query(INSERT_VERSION, versionValues(v))
    return result.rowCount === 1
  }

  async list(sessionId: string): Promise<VerslagVersionHead[]> {
    const { rows } = await this.db.query<VersionHeadRow>(
      `SELECT ${VERSION_HEAD_SELECT}
       FROM verslag_versions WHERE session_id = $1 ORDER BY versie`,
      [sessionId],
    )
    return rows.map(versionHeadOf)
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
      upsertPictureSql(['$1', '$2', '$3', '$4']),
      [sessionId, picture.contentType, Buffer.from(picture.data), picture.updatedAt],
    )
  }

  async get(sessionId: string): Promise<StoredPicture | null> {
    const { rows } = await this.db.query<PictureRow>(
      'SELECT content_type, data, updated_at FROM board_pictures WHERE session_id = $1',
      [sessionId],
    )
    const row = rows[0]
    return row ? pictureOf(row) : null
  }
}

export function createPgVerslagStores(db: PgDb): VerslagStores {
  return { versions: new PgVersionStore(db), pictures: new PgPictureStore(db) }
}
