/**
 * The history store in SQLite: table history_versions, in the same database
 * file as the documents (migration HISTORY_SCHEMA).
 */
import type Database from 'better-sqlite3'
import type { HistoryVersionSummary } from '../../shared/history'
import { insertSql } from '../core/storage/insertSql'
import type { HistoryStore, NewHistoryVersion, StoredHistoryVersion } from './HistoryStore'
import { addedSummary, HISTORY_COLUMNS, HISTORY_HEAD_COLUMNS, historySummaryOf, historyValues, type HistoryHeadRow } from './historyRows'

export const HISTORY_SCHEMA = `
  CREATE TABLE history_versions (
    session_id  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    taken_at    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT,
    actor_names TEXT NOT NULL,
    stickies    INTEGER NOT NULL,
    sheets      INTEGER NOT NULL,
    links       INTEGER NOT NULL,
    content     BLOB NOT NULL,
    PRIMARY KEY (session_id, version)
  );
`

const HEAD_COLUMNS = HISTORY_HEAD_COLUMNS.join(', ')

export class SqliteHistoryStore implements HistoryStore {
  private readonly addTx: (version: NewHistoryVersion) => number
  private readonly selectList
  private readonly selectOne
  private readonly pruneTx: (sessionId: string, keep: number) => number

  constructor(db: Database.Database) {
    const nextVersion = db.prepare<[string], { next: number }>(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM history_versions WHERE session_id = ?',
    )
    const insert = db.prepare(insertSql('history_versions', HISTORY_COLUMNS, 'sqlite'))
    this.addTx = db.transaction((v: NewHistoryVersion) => {
      const version = nextVersion.get(v.sessionId)?.next ?? 1
      insert.run(...historyValues(v, version))
      return version
    })
    this.selectList = db.prepare<[string], HistoryHeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM history_versions WHERE session_id = ? ORDER BY version DESC`,
    )
    this.selectOne = db.prepare<[string, number], HistoryHeadRow & { content: Buffer }>(
      `SELECT ${HEAD_COLUMNS}, content FROM history_versions WHERE session_id = ? AND version = ?`,
    )
    const droppable = db.prepare<[{ session: string; keep: number }], { version: number }>(
      `SELECT version FROM history_versions WHERE session_id = @session AND kind != 'vaststelling'
         AND version < (SELECT MIN(version) FROM (SELECT version FROM history_versions WHERE session_id = @session ORDER BY version DESC LIMIT @keep))`,
    )
    const remove = db.prepare<[string, number]>('DELETE FROM history_versions WHERE session_id = ? AND version = ?')
    this.pruneTx = db.transaction((sessionId: string, keep: number) => {
      const rows = droppable.all({ session: sessionId, keep: Math.max(1, keep) })
      for (const row of rows) remove.run(sessionId, row.version)
      return rows.length
    })
  }

  async add(version: NewHistoryVersion): Promise<HistoryVersionSummary> {
    const number = this.addTx(version)
    return addedSummary(version, number)
  }

  async list(sessionId: string): Promise<HistoryVersionSummary[]> {
    return this.selectList.all(sessionId).map(historySummaryOf)
  }

  async get(sessionId: string, version: number): Promise<StoredHistoryVersion | null> {
    const row = this.selectOne.get(sessionId, version)
    if (!row) return null
    return { ...historySummaryOf(row), sessionId, content: new Uint8Array(row.content) }
  }

  async prune(sessionId: string, keep: number): Promise<number> {
    return this.pruneTx(sessionId, keep)
  }
}
