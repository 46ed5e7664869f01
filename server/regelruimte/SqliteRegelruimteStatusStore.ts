/** The status history in SQLite (table of REGELRUIMTE_SCHEMA, migration 4). */
import type Database from 'better-sqlite3'
import { regelruimteStatusSchema } from '../../shared/sticky'
import type { RegelruimteStatusEntry, RegelruimteStatusStore } from './RegelruimteStatusStore'

export const REGELRUIMTE_SCHEMA = `
CREATE TABLE regelruimte_status (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id  TEXT NOT NULL,
  sticky_id   TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL
);
CREATE INDEX regelruimte_status_session ON regelruimte_status (session_id, seq);
`

interface Row {
  session_id: string
  sticky_id: string
  from_status: string | null
  to_status: string
  at: string
  actor: string
  actor_name: string
}

const status = regelruimteStatusSchema.catch('concept')

const entryOf = (row: Row): RegelruimteStatusEntry => ({
  sessionId: row.session_id,
  stickyId: row.sticky_id,
  from: row.from_status === null ? null : status.parse(row.from_status),
  to: status.parse(row.to_status),
  at: row.at,
  actor: row.actor,
  actorName: row.actor_name,
})

export class SqliteRegelruimteStatusStore implements RegelruimteStatusStore {
  private readonly insert
  private readonly select

  constructor(db: Database.Database) {
    this.insert = db.prepare<[Row]>(
      `INSERT INTO regelruimte_status (session_id, sticky_id, from_status, to_status, at, actor, actor_name)
       VALUES (@session_id, @sticky_id, @from_status, @to_status, @at, @actor, @actor_name)`,
    )
    this.select = db.prepare<[string], Row>(
      `SELECT session_id, sticky_id, from_status, to_status, at, actor, actor_name
       FROM regelruimte_status WHERE session_id = ? ORDER BY seq`,
    )
  }

  async add(entry: RegelruimteStatusEntry): Promise<void> {
    this.insert.run({
      session_id: entry.sessionId,
      sticky_id: entry.stickyId,
      from_status: entry.from,
      to_status: entry.to,
      at: entry.at,
      actor: entry.actor,
      actor_name: entry.actorName,
    })
  }

  async listForSession(sessionId: string): Promise<RegelruimteStatusEntry[]> {
    return this.select.all(sessionId).map(entryOf)
  }
}
