/** The status history in PostgreSQL (table of REGELRUIMTE_PG_SCHEMA); the SQLite sibling is SqliteRegelruimteStatusStore.ts. */
import { regelruimteStatusSchema } from '../../shared/sticky'
import type { PgDb } from '../core/storage/pgPool'
import type { RegelruimteStatusEntry, RegelruimteStatusStore } from './RegelruimteStatusStore'

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

export class PgRegelruimteStatusStore implements RegelruimteStatusStore {
  constructor(private readonly db: PgDb) {}

  async add(entry: RegelruimteStatusEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO regelruimte_status (session_id, sticky_id, from_status, to_status, at, actor, actor_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.sessionId, entry.stickyId, entry.from, entry.to, entry.at, entry.actor, entry.actorName],
    )
  }

  async listForSession(sessionId: string): Promise<RegelruimteStatusEntry[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT session_id, sticky_id, from_status, to_status, at, actor, actor_name
       FROM regelruimte_status WHERE session_id = $1 ORDER BY seq`,
      [sessionId],
    )
    return rows.map((row) => ({
      sessionId: row.session_id,
      stickyId: row.sticky_id,
      from: row.from_status === null ? null : status.parse(row.from_status),
      to: status.parse(row.to_status),
      at: row.at,
      actor: row.actor,
      actorName: row.actor_name,
    }))
  }
}
