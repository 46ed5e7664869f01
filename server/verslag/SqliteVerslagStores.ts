/** Versions and board pictures in SQLite (tables of VERSLAG_SCHEMA, migration 3). */
import type Database from 'better-sqlite3'
import { insertSql } from '../core/storage/insertSql'
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

class SqliteVersionStore implements VersionStore {
  private readonly insert
  private readonly selectHeads
  private readonly selectOne
  private readonly selectLatest

  constructor(db: Database.Database) {
    this.insert = db.prepare(`${insertSql('verslag_versions', VERSION_COLUMNS, 'sqlite')} ON CONFLICT DO NOTHING`)
    this.selectHeads = db.prepare<[string], VersionHeadRow>(
      `SELECT ${VERSION_HEAD_SELECT}
       FROM verslag_versions WHERE session_id = ? ORDER BY versie`,
    )
    this.selectOne = db.prepare<[string, number], VersionRow>('SELECT * FROM verslag_versions WHERE session_id = ? AND versie = ?')
    this.selectLatest = db.prepare<[string], VersionRow>('SELECT * FROM verslag_versions WHERE session_id = ? ORDER BY versie DESC LIMIT 1')
  }

  async add(v: VerslagVersionRecord): Promise<boolean> {
    const result = this.insert.run(...versionValues(v))
    return result.changes === 1
  }

  async list(sessionId: string): Promise<VerslagVersionHead[]> {
    return this.selectHeads.all(sessionId).map(versionHeadOf)
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
      upsertPictureSql(['?', '?', '?', '?']),
    )
    this.selectOne = db.prepare<[string], PictureRow>(
      'SELECT content_type, data, updated_at FROM board_pictures WHERE session_id = ?',
    )
  }

  async put(sessionId: string, picture: StoredPicture): Promise<void> {
    this.upsert.run(sessionId, picture.contentType, Buffer.from(picture.data), picture.updatedAt)
  }

  async get(sessionId: string): Promise<StoredPicture | null> {
    const row = this.selectOne.get(sessionId)
    return row ? pictureOf(row) : null
  }
}

/** The stores on a database already migrated (tables of VERSLAG_SCHEMA). */
export function createSqliteVerslagStores(db: Database.Database): VerslagStores {
  return { versions: new SqliteVersionStore(db), pictures: new SqlitePictureStore(db) }
}
