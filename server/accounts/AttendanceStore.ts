/**
 * Who was there (SPEC U12, U14): one record per person per session, kept
 * when their login ends or is purged, and deleted only with the session
 * (its rows are in server/privacy/privacyPlaces.ts). The same person is the
 * same invite with the same name and organisation, compared folded (NFKC,
 * runs of whitespace as one space, trimmed, case-insensitive: `personKey`).
 * Contract suite: test/integration/accounts.attendanceStore.test.ts.
 */
import type { InviteRole } from '../../shared/access'

export interface AttendanceEntry {
  sessionId: string
  inviteId: string
  name: string
  organisation: string
  /** The invite's role when the person was last seen. */
  role: InviteRole
}

export interface AttendanceRecord extends AttendanceEntry {
  /** ISO time of the first join. */
  firstJoinedAt: string
  /** ISO time of the latest join or board connection (never moves back). */
  lastSeenAt: string
}

export interface AttendanceStore {
  /**
   * The person was there at `at`: the first time a record with `at` as first
   * joined and last seen (name and organisation as given, trimmed); later
   * times move `lastSeenAt` on (never back) and take the role given then.
   */
  record(entry: AttendanceEntry, at: string): Promise<void>
  /** The session's records, first joined first (then in the order they were made). */
  listForSession(sessionId: string): Promise<AttendanceRecord[]>
}

export interface AttendanceStores {
  readonly attendance: AttendanceStore
}

const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl')

/** U14: one person of one invite: the invite with the folded name and organisation. */
export function personKey(p: { inviteId: string; name: string; organisation: string }): string {
  return JSON.stringify([p.inviteId, fold(p.name), fold(p.organisation)])
}

/** The first record of `rows` that is the person of `entry`, or undefined. */
export function samePerson<T extends { inviteId: string; name: string; organisation: string }>(rows: readonly T[], entry: AttendanceEntry): T | undefined {
  const key = personKey(entry)
  return rows.find((r) => personKey(r) === key)
}

/** Order of listForSession on every backend: first joined, then the order they were made (`seq`). */
export function byFirstJoined(a: { firstJoinedAt: string; seq: number }, b: { firstJoinedAt: string; seq: number }): number {
  if (a.firstJoinedAt !== b.firstJoinedAt) return a.firstJoinedAt < b.firstJoinedAt ? -1 : 1
  return a.seq - b.seq
}
