/**
 * The history store in SQLite: table history_versions, in the same database
 * file as the documents (migration HISTORY_SCHEMA).
 */
import type Database from 'better-sqlite3'
import { historyKindSchema, type HistoryVersionSummary } from '../../shared/history'
import type { HistoryStore, NewHistoryVersion, StoredHistoryVersion } from './HistoryStore'

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

export class SqliteHistoryStore implements HistoryStore {
  private readonly addTx: (version: NewHistoryVersion) => number
  private readonly selectList
  private readonly selectOne
  private readonly pruneTx: (sessionId: string, keep: number) => number

  constructor(db: Database.Database) {
    const nextVersion = db.prepare<[string], { next: number }>(
      'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM history_versions WHERE session_id = ?',
    )
    const insert = db.prepare(
      `INSERT INTO history_versions (session_id, version, taken_at, kind, detail, actor_names, stickies, sheets, links, content)
       VALUES (@sessionId, @version, @takenAt, @kind, @detail, @actorNames, @stickies, @sheets, @links, @content)`,
    )
    this.addTx = db.transaction((v: NewHistoryVersion) => {
      const version = nextVersion.get(v.sessionId)?.next ?? 1
      insert.run({
        sessionId: v.sessionId,
        version,
        takenAt: v.takenAt,
        kind: v.kind,
        detail: v.detail,
        actorNames: JSON.stringify(v.actorNames),
        stickies: v.counts.stickies,
        sheets: v.counts.sheets,
        links: v.counts.links,
        content: Buffer.from(v.content),
      })
      return version
    })
    this.selectList = db.prepare<[string], Row>(
      `SELECT ${HEAD_COLUMNS} FROM history_versions WHERE session_id = ? ORDER BY version DESC`,
    )
    this.selectOne = db.prepare<[string, number], Row & { content: Buffer }>(
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
    return {
      version: number,
      takenAt: version.takenAt,
      kind: version.kind,
      detail: version.detail,
      actorNames: [...version.actorNames],
      counts: { ...version.counts },
    }
  }

  async list(sessionId: string): Promise<HistoryVersionSummary[]> {
    return this.selectList.all(sessionId).map(summaryOf)
  }

  async get(sessionId: string, version: number): Promise<StoredHistoryVersion | null> {
    const row = this.selectOne.get(sessionId, version)
    if (!row) return null
    return { ...summaryOf(row), sessionId, content: new Uint8Array(row.content) }
  }

  async prune(sessionId: string, keep: number): Promise<number> {
    return this.pruneTx(sessionId, keep)
  }
}
