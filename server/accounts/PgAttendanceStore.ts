/**
 * Who was there, in PostgreSQL (S30). Whether a person is new is decided
 * under an advisory lock per session and invite, so two instances seeing
 * the same person at once make one record.
 */
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import { ATTENDANCE_COLUMNS, attendanceOf, attendanceValues, type AttendanceRow } from './attendanceRows'
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

const INSERT = insertSql('attendance', ATTENDANCE_COLUMNS, 'pg')

export class PgAttendanceStore implements AttendanceStore {
  constructor(private readonly db: PgDb) {}

  async record(entry: AttendanceEntry, at: string): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, JSON.stringify([entry.sessionId, entry.inviteId])])
      const { rows } = await client.query<AttendanceRow>('SELECT * FROM attendance WHERE session_id = $1 AND invite_id = $2', [entry.sessionId, entry.inviteId])
      const found = samePerson(rows.map(attendanceOf), entry)
      if (found) {
        await client.query('UPDATE attendance SET last_seen_at = $1, role = $2 WHERE seq = $3 AND last_seen_at <= $1', [at, entry.role, found.seq])
      } else {
        await client.query(INSERT, attendanceValues(entry, at))
      }
    })
  }

  async listForSession(sessionId: string): Promise<AttendanceRecord[]> {
    const { rows } = await this.db.query<AttendanceRow>('SELECT * FROM attendance WHERE session_id = $1', [sessionId])
    return rows
      .map(attendanceOf)
      .sort(byFirstJoined)
      .map(({ seq: _seq, ...record }) => record)
  }
}
