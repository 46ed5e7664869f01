/** The status history in PostgreSQL (table of REGELRUIMTE_PG_SCHEMA); the SQLite sibling is SqliteRegelruimteStatusStore.ts. */
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import type { RegelruimteStatusEntry, RegelruimteStatusStore } from './RegelruimteStatusStore'
import { REGELRUIMTE_STATUS_COLUMNS, regelruimteStatusOf, regelruimteStatusValues, type RegelruimteStatusRow } from './regelruimteStatusRows'

export const REGELRUIMTE_PG_SCHEMA = `
CREATE TABLE regelruimte_status (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

const INSERT = insertSql('regelruimte_status', REGELRUIMTE_STATUS_COLUMNS, 'pg')

export class PgRegelruimteStatusStore implements RegelruimteStatusStore {
  constructor(private readonly db: PgDb) {}

  async add(entry: RegelruimteStatusEntry): Promise<void> {
    await this.db.query(INSERT, regelruimteStatusValues(entry))
  }

  async listForSession(sessionId: string): Promise<RegelruimteStatusEntry[]> {
    const { rows } = await this.db.query<RegelruimteStatusRow>(
      `SELECT ${REGELRUIMTE_STATUS_COLUMNS.join(', ')}
       FROM regelruimte_status WHERE session_id = $1 ORDER BY seq`,
      [sessionId],
    )
    return rows.map(regelruimteStatusOf)
  }
}
