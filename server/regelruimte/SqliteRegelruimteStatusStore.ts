/** The status history in SQLite (table of REGELRUIMTE_SCHEMA, migration 4). */
import type Database from 'better-sqlite3'
import { insertSql } from '../core/storage/insertSql'
import type { RegelruimteStatusEntry, RegelruimteStatusStore } from './RegelruimteStatusStore'
import { REGELRUIMTE_STATUS_COLUMNS, regelruimteStatusOf, regelruimteStatusValues, type RegelruimteStatusRow } from './regelruimteStatusRows'

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

export class SqliteRegelruimteStatusStore implements RegelruimteStatusStore {
  private readonly insert
  private readonly select

  constructor(db: Database.Database) {
    this.insert = db.prepare(insertSql('regelruimte_status', REGELRUIMTE_STATUS_COLUMNS, 'sqlite'))
    this.select = db.prepare<[string], RegelruimteStatusRow>(
      `SELECT ${REGELRUIMTE_STATUS_COLUMNS.join(', ')}
       FROM regelruimte_status WHERE session_id = ? ORDER BY seq`,
    )
  }

  async add(entry: RegelruimteStatusEntry): Promise<void> {
    this.insert.run(...regelruimteStatusValues(entry))
  }

  async listForSession(sessionId: string): Promise<RegelruimteStatusEntry[]> {
    return this.select.all(sessionId).map(regelruimteStatusOf)
  }
}
