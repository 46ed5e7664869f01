/**
 * The `attendance` table as both SQL stores write and read it (SQLite and
 * PostgreSQL name the columns alike; each keeps its own CREATE TABLE): the
 * columns of a new record in insert order, its values in that order, and a
 * row read back (with its `seq`, by which a later visit updates it). One
 * place, so the two stores cannot drift apart.
 */
import { inviteRoleSchema } from '../../shared/access'
import type { AttendanceEntry, AttendanceRecord } from './AttendanceStore'

export const ATTENDANCE_COLUMNS = ['session_id', 'invite_id', 'name', 'organisation', 'role', 'first_joined_at', 'last_seen_at'] as const

/** PostgreSQL answers a BIGSERIAL as a string, SQLite as a number. */
export interface AttendanceRow {
  seq: string | number
  session_id: string
  invite_id: string
  name: string
  organisation: string
  role: string
  first_joined_at: string
  last_seen_at: string
}

/** A first visit at `at`, in the order of ATTENDANCE_COLUMNS: names kept trimmed, first and last seen alike. */
export const attendanceValues = (entry: AttendanceEntry, at: string): string[] => [
  entry.sessionId,
  entry.inviteId,
  entry.name.trim(),
  entry.organisation.trim(),
  entry.role,
  at,
  at,
]

export const attendanceOf = (r: AttendanceRow): AttendanceRecord & { seq: number } => ({
  seq: Number(r.seq),
  sessionId: r.session_id,
  inviteId: r.invite_id,
  name: r.name,
  organisation: r.organisation,
  role: inviteRoleSchema.parse(r.role),
  firstJoinedAt: r.first_joined_at,
  lastSeenAt: r.last_seen_at,
})
