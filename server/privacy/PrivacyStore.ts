/**
 * What privacy needs of the database (SPEC G1–G12): every stored row that
 * may name a person, across the features' tables, read and rewritten in
 * place; a session's rows deleted from every table; retention; and scrubbing
 * the file so that erased bytes do not linger in free pages or the WAL.
 * SqlitePrivacyStore and PgPrivacyStore (their places in privacyPlaces.ts);
 * on the in-memory backend the routes answer 501 (nothing there outlives
 * the process anyway).
 */
import type { PrivacyPlace } from '../../shared/privacy'
import type { PersonMatcher } from './eraseValue'

export interface FoundRow {
  place: string
  sessionId: string | null
  row: Record<string, unknown>
}

export interface PrivacyStore {
  readonly supported: boolean
  /** "Deelnemer n": the same n for the same key, forever (G3). */
  pseudonymFor(key: string): Promise<string>
  /** The e-mail addresses of the accounts whose name is the person's (their account links and failed logins name them). */
  accountEmails(matcher: PersonMatcher): Promise<string[]>
  /** Per place (table) and session: how many rows mention the person. */
  find(matcher: PersonMatcher): Promise<FoundRow[]>
  /** Rewrites every row that mentions the person; returns what changed per place and session. */
  erase(matcher: PersonMatcher, pseudonym: string): Promise<PrivacyPlace[]>
  /** Every room of the document log (sessions, also ones whose index entry is gone). */
  rooms(): Promise<string[]>
  /** Deletes every row of the session in every table (G6); returns how many per place. */
  deleteSession(sessionId: string): Promise<PrivacyPlace[]>
  /** G8: drops audit entries before `auditBefore` and logins expired before `now`. */
  purge(auditBefore: string, now: string): Promise<{ audit: number; logins: number }>
  /** G4: rewrites the file without free pages and empties the WAL. */
  scrub(): Promise<void>
}

export class UnsupportedPrivacyStore implements PrivacyStore {
  readonly supported = false
  private fail(): never {
    throw new Error('privacy: not supported on this backend')
  }
  pseudonymFor(): Promise<string> {
    this.fail()
  }
  accountEmails(): Promise<string[]> {
    this.fail()
  }
  find(): Promise<FoundRow[]> {
    this.fail()
  }
  erase(): Promise<PrivacyPlace[]> {
    this.fail()
  }
  rooms(): Promise<string[]> {
    this.fail()
  }
  deleteSession(): Promise<PrivacyPlace[]> {
    this.fail()
  }
  async purge(): Promise<{ audit: number; logins: number }> {
    return { audit: 0, logins: 0 }
  }
  async scrub(): Promise<void> {}
}
