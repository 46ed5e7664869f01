/**
 * Who was there, in PostgreSQL (S30). Whether a person is new is decided
 * under an advisory lock per session and invite, so two instances seeing
 * the same person at once make one record.
 */
import { inviteRoleSchema } from '../../shared/access'
import type { PgDb } from '../core/storage/pgPool'
import { num } from '../core/storage/pgPool'
import { byFirstJoined, samePerson, type AttendanceEntry, type AttendanceRecord, type AttendanceStore } from './AttendanceStore'

export const ATTENDANCE_PG_SCHEMA = `
CREATE TABLE attendance (
  seq BIGSERIAL PRIMARY KEY,
  session_id TEXT COLLATE "C" NOT NULL,
  invite_id TEXT COLLATE "C" NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  role TEXT NOT NULL,
  first_joined_at TEXT COLLATE "C" NOT NULL,
  last_seen_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX attendance_session ON attendance (session_id, invite_id);
`

/** The first key of the advisory lock (the second is the session and invite hashed); migrations use the one-key form. */
const LOCK_SPACE = 7242032

interface Row {
  seq: string | number
  session_id: string
  invite_id: string
  name: string
  organisation: string
  role: string
  first_joined_at: string
  last_seen_at: string
}

const toRecord = (r: Row): AttendanceRecord & { seq: number } => ({
  seq: num(r.seq),
  sessionId: r.session_id,
  inviteId: r.invite_id,
  name: r.name,
  organisation: r.organisation,
  role: inviteRoleSchema.parse(r.role),
  firstJoinedAt: r.first_joined_at,
  lastSeenAt: r.last_seen_at,
})

export class PgAttendanceStore implements AttendanceStore {
  constructor(private readonly db: PgDb) {}

  async record(entry: AttendanceEntry, at: string): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, JSON.stringify([entry.sessionId, entry.inviteId])])
      const { rows } = await client.query<Row>('SELECT * FROM attendance WHERE session_id = $1 AND invite_id = $2', [entry.sessionId, entry.inviteId])
      const found = samePerson(rows.map(toRecord), entry)
      if (found) {
        await client.query('UPDATE attendance SET last_seen_at = $1, role = $2 WHERE seq = $3 AND last_seen_at <= $1', [at, entry.role, found.seq])
      } else {
        await client.query(
          'INSERT INTO attendance (session_id, invite_id, name, organisation, role, first_joined_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
          [entry.sessionId, entry.inviteId, entry.name.trim(), entry.organisation.trim(), entry.role, at],
        )
      }
    })
  }

  async listForSession(sessionId: string): Promise<AttendanceRecord[]> {
    const { rows } = await this.db.query<Row>('SELECT * FROM attendance WHERE session_id = $1', [sessionId])
    return rows
      .map(toRecord)
      .sort(byFirstJoined)
      .map(({ seq: _seq, ...record }) => record)
  }
}
