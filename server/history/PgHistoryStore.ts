/**
 * The history store in PostgreSQL (table history_versions); the SQLite
 * sibling is SqliteHistoryStore.ts and both pass history.storeContract.
 * Numbers are drawn under a per-session advisory lock, so that two instances
 * adding at once never take the same one.
 */
import { historyKindSchema, type HistoryVersionSummary } from '../../shared/history'
import { bytesOf, type PgDb } from '../core/storage/pgPool'
import type { HistoryStore, NewHistoryVersion, StoredHistoryVersion } from './HistoryStore'

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

interface Row {
  session_id: string
  version: number
  taken_at: string
  kind: string
  detail: string | null
  actor_names: string
  stickies: number
  sheets: number
  links: number
}

const parseNames = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : []
  } catch {
    return []
  }
}

/** Built once: a zod schema is costly to build, and rows are read per request. */
const historyKindOrDefault = historyKindSchema.catch('periodic')

const summaryOf = (row: Row): HistoryVersionSummary => ({
  version: row.version,
  takenAt: row.taken_at,
  kind: historyKindOrDefault.parse(row.kind),
  detail: row.detail,
  actorNames: parseNames(row.actor_names),
  counts: { stickies: row.stickies, sheets: row.sheets, links: row.links },
})

const HEAD_COLUMNS = 'session_id, version, taken_at, kind, detail, actor_names, stickies, sheets, links'

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
      await client.query(
        `INSERT INTO history_versions (session_id, version, taken_at, kind, detail, actor_names, stickies, sheets, links, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          v.sessionId,
          version,
          v.takenAt,
          v.kind,
          v.detail,
          JSON.stringify(v.actorNames),
          v.counts.stickies,
          v.counts.sheets,
          v.counts.links,
          Buffer.from(v.content),
        ],
      )
      return version
    })
    return {
      version: number,
      takenAt: v.takenAt,
      kind: v.kind,
      detail: v.detail,
      actorNames: [...v.actorNames],
      counts: { ...v.counts },
    }
  }

  async list(sessionId: string): Promise<HistoryVersionSummary[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${HEAD_COLUMNS} FROM history_versions WHERE session_id = $1 ORDER BY version DESC`,
      [sessionId],
    )
    return rows.map(summaryOf)
  }

  async get(sessionId: string, version: number): Promise<StoredHistoryVersion | null> {
    const { rows } = await this.db.query<Row & { content: Buffer }>(
      `SELECT ${HEAD_COLUMNS}, content FROM history_versions WHERE session_id = $1 AND version = $2`,
      [sessionId, version],
    )
    const row = rows[0]
    if (!row) return null
    return { ...summaryOf(row), sessionId, content: bytesOf(row.content) }
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
