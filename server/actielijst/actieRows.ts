/**
 * The rows of the actielijst tables as both SQL stores read them (SQLite and
 * PostgreSQL name the columns alike), and their mapping to the store's
 * entries: one place, so the two stores cannot drift apart.
 */
import { actieStatusSchema } from '../../shared/actielijst'
import type { ActieStatusEntry, CarryOver } from './ActieStore'

export interface StatusRow {
  session_id: string
  sticky_id: string
  from_status: string | null
  to_status: string
  at: string
  actor: string
  actor_name: string
  detail: string
}

export interface CarryRow {
  from_session_id: string
  from_sticky_id: string
  to_session_id: string
  to_sticky_id: string
  at: string
}

/** A status the code no longer knows reads as open. */
const status = actieStatusSchema.catch('open')

export const statusEntryOf = (r: StatusRow): ActieStatusEntry => ({
  sessionId: r.session_id,
  stickyId: r.sticky_id,
  from: r.from_status === null ? null : status.parse(r.from_status),
  to: status.parse(r.to_status),
  at: r.at,
  actor: r.actor,
  actorName: r.actor_name,
  detail: r.detail,
})

export const carryOverOf = (r: CarryRow): CarryOver => ({
  fromSessionId: r.from_session_id,
  fromStickyId: r.from_sticky_id,
  toSessionId: r.to_session_id,
  toStickyId: r.to_sticky_id,
  at: r.at,
})
