/**
 * The `regelruimte_status` table as both SQL stores write and read it
 * (SQLite and PostgreSQL name the columns alike; each store keeps its own
 * CREATE TABLE for its kind of sequence column): the columns in insert order,
 * an entry's values in that order, and a row read back. One place, so the two
 * stores cannot drift apart.
 */
import { regelruimteStatusSchema } from '../../shared/sticky'
import type { RegelruimteStatusEntry } from './RegelruimteStatusStore'

export const REGELRUIMTE_STATUS_COLUMNS = ['session_id', 'sticky_id', 'from_status', 'to_status', 'at', 'actor', 'actor_name'] as const

export interface RegelruimteStatusRow {
  session_id: string
  sticky_id: string
  from_status: string | null
  to_status: string
  at: string
  actor: string
  actor_name: string
}

/** A status the code no longer knows reads as concept. */
const status = regelruimteStatusSchema.catch('concept')

/** An entry's values in the order of REGELRUIMTE_STATUS_COLUMNS. */
export const regelruimteStatusValues = (e: RegelruimteStatusEntry): (string | null)[] => [e.sessionId, e.stickyId, e.from, e.to, e.at, e.actor, e.actorName]

export const regelruimteStatusOf = (row: RegelruimteStatusRow): RegelruimteStatusEntry => ({
  sessionId: row.session_id,
  stickyId: row.sticky_id,
  from: row.from_status === null ? null : status.parse(row.from_status),
  to: status.parse(row.to_status),
  at: row.at,
  actor: row.actor,
  actorName: row.actor_name,
})
