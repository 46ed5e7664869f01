/** The privacy store on SQLite (see PrivacyStore.ts): one pass over each table that may name a person (privacyPlaces.ts). */
import type { PrivacyPlace } from '../../shared/privacy'
import type { SqliteDatabase } from '../core/storage/Backend'
import { countMentions, eraseValue, type PersonMatcher } from './eraseValue'
import { columnsOf, PLACES, SESSION_TABLES, valueOf, type Place } from './privacyPlaces'
import type { FoundRow, PrivacyStore } from './PrivacyStore'

type Row = Record<string, unknown> & { _rid: number; _session: string | null }

const jsonKey = (s: { json: string; key: string }) => `json_extract(${s.json}, '$.${s.key}')`

export class SqlitePrivacyStore implements PrivacyStore {
  readonly supported = true

  constructor(private readonly db: SqliteDatabase) {
    // Deleted and overwritten rows are zeroed in the file, not only unlinked (G4).
    db.pragma('secure_delete = ON')
  }

  private tables(): Set<string> {
    const rows = this.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all()
    return new Set(rows.map((r) => r.name))
  }

  private rowsOf(place: Place): Row[] {
    const cols = Object.keys(place.columns).join(', ')
    const session = place.session === null ? 'NULL' : typeof place.session === 'string' ? place.session : jsonKey(place.session)
    return this.db.prepare<[], Row>(`SELECT rowid AS _rid, ${session} AS _session, ${cols} FROM ${place.table}`).all()
  }

  async pseudonymFor(key: string): Promise<string> {
    const existing = this.db.prepare<[string], { number: number }>('SELECT number FROM privacy_pseudonyms WHERE key = ?').get(key)
    if (existing) return `Deelnemer ${existing.number}`
    const next = this.db.prepare<[], { n: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM privacy_pseudonyms').get()!.n
    this.db.prepare<[string, number]>('INSERT INTO privacy_pseudonyms (key, number) VALUES (?, ?)').run(key, next)
    return `Deelnemer ${next}`
  }

  async accountEmails(matcher: PersonMatcher): Promise<string[]> {
    return this.db
      .prepare<[], { name: string; email: string }>('SELECT name, email FROM users')
      .all()
      .filter((u) => matcher.isName(u.name))
      .map((u) => u.email)
  }

  async find(matcher: PersonMatcher): Promise<FoundRow[]> {
    const present = this.tables()
    const found: FoundRow[] = []
    for (const place of PLACES) {
      if (!present.has(place.table)) continue
      for (const row of this.rowsOf(place)) {
        const value = valueOf(place, row)
        if (countMentions(value, matcher) === 0) continue
        found.push({ place: place.place, sessionId: row._session, row: value })
      }
    }
    return found
  }

  async erase(matcher: PersonMatcher, pseudonym: string): Promise<PrivacyPlace[]> {
    const present = this.tables()
    const changed: PrivacyPlace[] = []
    this.db.transaction(() => {
      for (const place of PLACES) {
        if (!present.has(place.table)) continue
        const counts = new Map<string | null, number>()
        for (const row of this.rowsOf(place)) {
          const value = valueOf(place, row)
          const erased = eraseValue(value, matcher, pseudonym)
          if (erased === value) continue
          const cols = Object.keys(place.columns)
          this.db.prepare(`UPDATE ${place.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`).run(...columnsOf(place, erased), row._rid)
          counts.set(row._session, (counts.get(row._session) ?? 0) + 1)
        }
        for (const [sessionId, count] of counts) changed.push({ place: place.place, sessionId, count })
      }
    })()
    return changed
  }

  async rooms(): Promise<string[]> {
    const rows = this.db
      .prepare<[], { room: string }>('SELECT room FROM doc_snapshots UNION SELECT room FROM doc_updates UNION SELECT id AS room FROM sessions')
      .all()
    return rows.map((r) => r.room)
  }

  async deleteSession(sessionId: string): Promise<PrivacyPlace[]> {
    const present = this.tables()
    const counts = new Map<string, number>()
    this.db.transaction(() => {
      for (const t of SESSION_TABLES) {
        if (!present.has(t.table)) continue
        const where = typeof t.where === 'string' ? t.where : `${jsonKey(t.where)} = ?`
        const params = Array.from({ length: where.split('?').length - 1 }, () => sessionId)
        const { changes } = this.db.prepare(`DELETE FROM ${t.table} WHERE ${where}`).run(...params)
        if (changes > 0) counts.set(t.place, (counts.get(t.place) ?? 0) + changes)
      }
    })()
    return [...counts].map(([place, count]) => ({ place, sessionId, count }))
  }

  async purge(auditBefore: string, now: string): Promise<{ audit: number; logins: number }> {
    const audit = this.db.prepare<[string]>('DELETE FROM audit WHERE at < ?').run(auditBefore).changes
    const logins = this.db.prepare<[string]>('DELETE FROM logins WHERE expires_at < ?').run(now).changes
    return { audit, logins }
  }

  async scrub(): Promise<void> {
    this.db.exec('VACUUM')
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }
}
