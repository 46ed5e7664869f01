/**
 * The history store in PostgreSQL (table history_versions); the SQLite
 * sibling is SqliteHistoryStore.ts and both pass history.storeContract.
 * Numbers are drawn under a per-session advisory lock, so that two instances
 * adding at once never take the same one.
 */
import type { HistoryVersionSummary } from '../../shared/history'
import { insertSql } from '../core/storage/insertSql'
import { bytesOf, type PgDb } from '../core/storage/pgPool'
import type { HistoryStore, NewHistoryVersion, StoredHistoryVersion } from './HistoryStore'
import { addedSummary, HISTORY_COLUMNS, HISTORY_HEAD_COLUMNS, historySummaryOf, historyValues, type HistoryHeadRow } from './historyRows'

export const HISTORY_PG_SCHEMA = `
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
    content     BYTEA NOT NULL,
    PRIMARY KEY (session_id, version)
  );
`

const INSERT = insertSql('history_versions', HISTORY_COLUMNS, 'pg')
const HEAD_COLUMNS = HISTORY_HEAD_COLUMNS.join(', ')

export class PgHistoryStore implements HistoryStore {
  constructor(private readonly db: PgDb) {}

  async add(v: NewHistoryVersion): Promise<HistoryVersionSummary> {
    const number = await this.db.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('history:' || $1))", [v.sessionId])
      const { rows } = await client.query<{ next: number }>(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM history_versions WHERE session_id = $1',
        [v.sessionId],
      )
      const version = rows[0]?.next ?? 1
      await client.query(INSERT, historyValues(v, version))
      return version
    })
    return addedSummary(v, number)
  }

  async list(sessionId: string): Promise<HistoryVersionSummary[]> {
    const { rows } = await this.db.query<HistoryHeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM history_versions WHERE session_id = $1 ORDER BY version DESC`,
      [sessionId],
    )
    return rows.map(historySummaryOf)
  }

  async get(sessionId: string, version: number): Promise<StoredHistoryVersion | null> {
    const { rows } = await this.db.query<HistoryHeadRow & { content: Buffer }>(
      `SELECT ${HEAD_COLUMNS}, content FROM history_versions WHERE session_id = $1 AND version = $2`,
      [sessionId, version],
    )
    const row = rows[0]
    if (!row) return null
    return { ...historySummaryOf(row), sessionId, content: bytesOf(row.content) }
  }

  async prune(sessionId: string, keep: number): Promise<number> {
    const result = await this.db.query(
      `DELETE FROM history_versions WHERE session_id = $1 AND kind != 'vaststelling'
         AND version < (SELECT MIN(version) FROM (SELECT version FROM history_versions WHERE session_id = $1 ORDER BY version DESC LIMIT $2) AS newest)`,
      [sessionId, Math.max(1, keep)],
    )
    return result.rowCount ?? 0
  }
}
