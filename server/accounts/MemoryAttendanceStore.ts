/** Who was there, in memory (tests; nothing survives the process). */
import { byFirstJoined, samePerson, type AttendanceEntry, type AttendanceRecord, type AttendanceStore } from './AttendanceStore'

export class MemoryAttendanceStore implements AttendanceStore {
  private readonly rows: (AttendanceRecord & { seq: number })[] = []

  async record(entry: AttendanceEntry, at: string): Promise<void> {
    const found = samePerson(
      this.rows.filter((r) => r.sessionId === entry.sessionId && r.inviteId === entry.inviteId),
      entry,
    )
    if (found) {
      if (at >= found.lastSeenAt) {
        found.lastSeenAt = at
        found.role = entry.role
      }
      return
    }
    this.rows.push({
      ...entry,
      name: entry.name.trim(),
      organisation: entry.organisation.trim(),
      firstJoinedAt: at,
      lastSeenAt: at,
      seq: this.rows.length,
    })
  }

  async listForSession(sessionId: string): Promise<AttendanceRecord[]> {
    return this.rows
      .filter((r) => r.sessionId === sessionId)
      .sort(byFirstJoined)
      .map(({ seq: _seq, ...record }) => ({ ...record }))
  }
}
