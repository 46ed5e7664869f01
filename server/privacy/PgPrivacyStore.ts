/**
 * The privacy store on PostgreSQL (see PrivacyStore.ts), the same passes as
 * SqlitePrivacyStore over the same places (privacyPlaces.ts). Rows are
 * locked (FOR UPDATE) and rewritten by their ctid inside one transaction.
 */
import type pg from 'pg'
import type { PrivacyPlace } from '../../shared/privacy'
import type { PgDb } from '../core/storage/pgPool'
import { countMentions, eraseValue, type PersonMatcher } from './eraseValue'
import { columnsOf, PLACES, SESSION_TABLES, valueOf, type Place } from './privacyPlaces'
import type { FoundRow, PrivacyStore } from './PrivacyStore'

export const PRIVACY_PG_SCHEMA = `
CREATE TABLE privacy_pseudonyms (key TEXT PRIMARY KEY, number INTEGER NOT NULL UNIQUE);
`

type Row = Record<string, unknown> & { _rid: string; _session: string | null }
type Query = Pick<PgDb, 'query'>

/** A participant's session id, read from its JSON text (NULL when the column is NULL). */
const jsonKey = (s: { json: string; key: string }) => `(${s.json}::jsonb ->> '${s.key}')`
const asQuery = (client: pg.PoolClient): Query => ({ query: (text, values) => client.query(text, values) })
/** `?` placeholders as $1, $2, … */
const numbered = (sql: string, from = 1): string => {
  let n = from - 1
  return sql.replace(/\?/g, () => `$${++n}`)
}

export class PgPrivacyStore implements PrivacyStore {
  readonly supported = true

  constructor(private readonly db: PgDb) {}

  private async tables(q: Query = this.db): Promise<Set<string>> {
    const { rows } = await q.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()')
    return new Set(rows.map((r) => r.name))
  }

  private async rowsOf(q: Query, place: Place, lock: boolean): Promise<Row[]> {
    const cols = Object.keys(place.columns).join(', ')
    const session = place.session === null ? 'NULL' : typeof place.session === 'string' ? place.session : jsonKey(place.session)
    const { rows } = await q.query<Row>(`SELECT ctid::text AS _rid, ${session} AS _session, ${cols} FROM ${place.table}${lock ? ' FOR UPDATE' : ''}`)
    return rows
  }

  async pseudonymFor(key: string): Promise<string> {
    // Two erasures at once may both pick the next number: the UNIQUE number refuses one, which tries again.
    for (let attempt = 0; ; attempt++) {
      const existing = await this.db.query<{ number: number }>('SELECT number FROM privacy_pseudonyms WHERE key = $1', [key])
      if (existing.rows[0]) return `Deelnemer ${existing.rows[0].number}`
      try {
        await this.db.query(
          'INSERT INTO privacy_pseudonyms (key, number) SELECT $1, COALESCE(MAX(number), 0) + 1 FROM privacy_pseudonyms ON CONFLICT (key) DO NOTHING',
          [key],
        )
      } catch (err) {
        if (attempt >= 5) throw err
      }
    }
  }

  async accountEmails(matcher: PersonMatcher): Promise<string[]> {
    const { rows } = await this.db.query<{ name: string; email: string }>('SELECT name, email FROM users')
    return rows.filter((u) => matcher.isName(u.name)).map((u) => u.email)
  }

  async find(matcher: PersonMatcher): Promise<FoundRow[]> {
    const present = await this.tables()
    const found: FoundRow[] = []
    for (const place of PLACES) {
      if (!present.has(place.table)) continue
      for (const row of await this.rowsOf(this.db, place, false)) {
        const value = valueOf(place, row)
        if (countMentions(value, matcher) === 0) continue
        found.push({ place: place.place, sessionId: row._session, row: value })
      }
    }
    return found
  }

  async erase(matcher: PersonMatcher, pseudonym: string): Promise<PrivacyPlace[]> {
    return this.db.transaction(async (client) => {
      const present = await this.tables(asQuery(client))
      const changed: PrivacyPlace[] = []
      for (const place of PLACES) {
        if (!present.has(place.table)) continue
        const counts = new Map<string | null, number>()
        const cols = Object.keys(place.columns)
        const update = `UPDATE ${place.table} SET ${cols.map((c, i) => `${c} = $${i + 1}`).join(', ')} WHERE ctid = $${cols.length + 1}::tid`
        for (const row of await this.rowsOf(asQuery(client), place, true)) {
          const value = valueOf(place, row)
          const erased = eraseValue(value, matcher, pseudonym)
          if (erased === value) continue
          await client.query(update, [...columnsOf(place, erased), row._rid])
          counts.set(row._session, (counts.get(row._session) ?? 0) + 1)
        }
        for (const [sessionId, count] of counts) changed.push({ place: place.place, sessionId, count })
      }
      return changed
    })
  }

  async rooms(): Promise<string[]> {
    const { rows } = await this.db.query<{ room: string }>('SELECT room FROM doc_snapshots UNION SELECT room FROM doc_updates UNION SELECT id AS room FROM sessions')
    return rows.map((r) => r.room)
  }

  async deleteSession(sessionId: string): Promise<PrivacyPlace[]> {
    return this.db.transaction(async (client) => {
      const present = await this.tables(asQuery(client))
      const counts = new Map<string, number>()
      for (const t of SESSION_TABLES) {
        if (!present.has(t.table)) continue
        const where = typeof t.where === 'string' ? t.where : `${jsonKey(t.where)} = ?`
        const params = Array.from({ length: where.split('?').length - 1 }, () => sessionId)
        const { rowCount } = await client.query(`DELETE FROM ${t.table} WHERE ${numbered(where)}`, params)
        if (rowCount) counts.set(t.place, (counts.get(t.place) ?? 0) + rowCount)
      }
      return [...counts].map(([place, count]) => ({ place, sessionId, count }))
    })
  }

  async purge(auditBefore: string, now: string): Promise<{ audit: number; logins: number }> {
    const audit = (await this.db.query('DELETE FROM audit WHERE at < $1', [auditBefore])).rowCount ?? 0
    const logins = (await this.db.query('DELETE FROM logins WHERE expires_at < $1', [now])).rowCount ?? 0
    return { audit, logins }
  }

  /**
   * G4 on PostgreSQL: the rewritten tables are vacuumed, so the old row
   * versions leave the tables' pages for reuse. PostgreSQL does not zero
   * them, and its WAL and base backups stay the operator's to rotate
   * (README "Privacy").
   */
  async scrub(): Promise<void> {
    const present = await this.tables()
    const tables = [...new Set([...PLACES.map((p) => p.table), ...SESSION_TABLES.map((t) => t.table)])].filter((t) => present.has(t))
    await this.db.query(`VACUUM ${tables.join(', ')}`)
  }
}
