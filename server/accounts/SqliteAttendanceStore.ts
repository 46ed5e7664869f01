/** Who was there, in SQLite (one transaction decides whether a person is new). */
import type Database from 'better-sqlite3'
import { insertSql } from '../core/storage/insertSql'
import { ATTENDANCE_COLUMNS, attendanceOf, attendanceValues, type AttendanceRow } from './attendanceRows'
import { byFirstJoined, samePerson, type AttendanceEntry, type AttendanceRecord, type AttendanceStore } from './AttendanceStore'

export const ATTENDANCE_SCHEMA = `
CREATE TABLE IF NOT EXISTS attendance (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  invite_id TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  role TEXT NOT NULL,
  first_joined_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attendance_session ON attendance (session_id, invite_id);
`

export class SqliteAttendanceStore implements AttendanceStore {
  private readonly recordTx: (entry: AttendanceEntry, at: string) => void
  private readonly bySession

  constructor(db: Database.Database) {
    const ofInvite = db.prepare<[string, string], AttendanceRow>('SELECT * FROM attendance WHERE session_id = ? AND invite_id = ?')
    const seen = db.prepare<[string, string, number, string]>('UPDATE attendance SET last_seen_at = ?, role = ? WHERE seq = ? AND last_seen_at <= ?')
    const insert = db.prepare(insertSql('attendance', ATTENDANCE_COLUMNS, 'sqlite'))
    this.bySession = db.prepare<[string], AttendanceRow>('SELECT * FROM attendance WHERE session_id = ?')
    this.recordTx = db.transaction((entry: AttendanceEntry, at: string) => {
      const found = samePerson(ofInvite.all(entry.sessionId, entry.inviteId).map(attendanceOf), entry)
      if (found) seen.run(at, entry.role, found.seq, at)
      else insert.run(...attendanceValues(entry, at))
    })
  }

  async record(entry: AttendanceEntry, at: string): Promise<void> {
    this.recordTx(entry, at)
  }

  async listForSession(sessionId: string): Promise<AttendanceRecord[]> {
    return this.bySession
      .all(sessionId)
      .map(attendanceOf)
      .sort(byFirstJoined)
      .map(({ seq: _seq, ...record }) => record)
  }
}
