/** The privacy store on SQLite (see PrivacyStore.ts): one pass over each table that may name a person. */
import { gunzipSync, gzipSync } from 'node:zlib'
import type { PrivacyPlace } from '../../shared/privacy'
import type { SqliteDatabase } from '../core/storage/Backend'
import { countMentions, eraseValue, type PersonMatcher } from './eraseValue'
import type { FoundRow, PrivacyStore } from './PrivacyStore'

type Kind = 'text' | 'json' | 'gzipJson'

interface Place {
  place: string
  table: string
  /** The column naming the session, or an SQL expression. */
  session: string | null
  columns: Readonly<Record<string, Kind>>
  /** A person stored as two columns (name, organisation). */
  person?: readonly [string, string]
}

/** Every table column that may hold a name or an organisation. */
const PLACES: readonly Place[] = [
  { place: 'audit', table: 'audit', session: 'session_id', columns: { actor_name: 'text', detail: 'text' } },
  { place: 'participants', table: 'logins', session: "json_extract(participant, '$.sessionId')", columns: { participant: 'json' } },
  { place: 'accounts', table: 'users', session: null, columns: { name: 'text' } },
  { place: 'sessions', table: 'sessions', session: 'id', columns: { title: 'text', place: 'text' } },
  {
    place: 'private_stickies',
    table: 'private_stickies',
    session: 'session_id',
    columns: { author_name: 'text', author_organisation: 'text', text: 'text' },
    person: ['author_name', 'author_organisation'],
  },
  { place: 'verslag_versions', table: 'verslag_versions', session: 'session_id', columns: { actor_name: 'text', models: 'json' } },
  { place: 'regelruimte_status', table: 'regelruimte_status', session: 'session_id', columns: { actor_name: 'text' } },
  { place: 'actielijst_status', table: 'actie_status', session: 'session_id', columns: { actor_name: 'text', detail: 'text' } },
  {
    place: 'history_versions',
    table: 'history_versions',
    session: 'session_id',
    columns: { actor_names: 'json', detail: 'text', content: 'gzipJson' },
  },
]

/** Every table with a session's rows, and the condition that picks them (G6). */
const SESSION_TABLES: readonly { place: string; table: string; where: string; params: number }[] = [
  { place: 'board', table: 'doc_updates', where: 'room = ?', params: 1 },
  { place: 'board', table: 'doc_snapshots', where: 'room = ?', params: 1 },
  { place: 'sessions', table: 'sessions', where: 'id = ?', params: 1 },
  { place: 'invites', table: 'invites', where: 'session_id = ?', params: 1 },
  { place: 'short_links', table: 'short_links', where: 'session_id = ?', params: 1 },
  { place: 'participants', table: 'logins', where: "json_extract(participant, '$.sessionId') = ?", params: 1 },
  { place: 'audit', table: 'audit', where: 'session_id = ?', params: 1 },
  { place: 'verslag_versions', table: 'verslag_versions', where: 'session_id = ?', params: 1 },
  { place: 'board_pictures', table: 'board_pictures', where: 'session_id = ?', params: 1 },
  { place: 'history_versions', table: 'history_versions', where: 'session_id = ?', params: 1 },
  { place: 'regelruimte_status', table: 'regelruimte_status', where: 'session_id = ?', params: 1 },
  { place: 'actielijst_status', table: 'actie_status', where: 'session_id = ?', params: 1 },
  { place: 'actielijst_carry', table: 'actie_carry', where: 'from_session_id = ? OR to_session_id = ?', params: 2 },
  { place: 'private_stickies', table: 'private_stickies', where: 'session_id = ?', params: 1 },
]

type Row = Record<string, unknown> & { _rid: number; _session: string | null }

function decode(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) return value
  try {
    if (kind === 'json') return JSON.parse(String(value)) as unknown
    if (kind === 'gzipJson' && Buffer.isBuffer(value)) return JSON.parse(gunzipSync(value).toString('utf8')) as unknown
  } catch {
    return String(value)
  }
  return value
}

function encode(value: unknown, kind: Kind): unknown {
  if (kind === 'json') return JSON.stringify(value)
  if (kind === 'gzipJson') return gzipSync(JSON.stringify(value))
  return value
}

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
    const session = place.session ?? 'NULL'
    return this.db.prepare<[], Row>(`SELECT rowid AS _rid, ${session} AS _session, ${cols} FROM ${place.table}`).all()
  }

  /** The row's personal columns as one value: the person pair as {name, organisation}. */
  private valueOf(place: Place, row: Row): Record<string, unknown> {
    const value: Record<string, unknown> = {}
    for (const [col, kind] of Object.entries(place.columns)) value[col] = decode(row[col], kind)
    if (place.person) {
      const [name, organisation] = place.person
      value[name] = { name: value[name], organisation: value[organisation] }
      delete value[organisation]
    }
    return value
  }

  async pseudonymFor(key: string): Promise<string> {
    const existing = this.db.prepare<[string], { number: number }>('SELECT number FROM privacy_pseudonyms WHERE key = ?').get(key)
    if (existing) return `Deelnemer ${existing.number}`
    const next = this.db.prepare<[], { n: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM privacy_pseudonyms').get()!.n
    this.db.prepare<[string, number]>('INSERT INTO privacy_pseudonyms (key, number) VALUES (?, ?)').run(key, next)
    return `Deelnemer ${next}`
  }

  async find(matcher: PersonMatcher): Promise<FoundRow[]> {
    const present = this.tables()
    const found: FoundRow[] = []
    for (const place of PLACES) {
      if (!present.has(place.table)) continue
      for (const row of this.rowsOf(place)) {
        const value = this.valueOf(place, row)
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
          const value = this.valueOf(place, row)
          const erased = eraseValue(value, matcher, pseudonym)
          if (erased === value) continue
          if (place.person) {
            const [name, organisation] = place.person
            const pair = erased[name] as { name: unknown; organisation: unknown }
            erased[name] = pair.name
            erased[organisation] = pair.organisation
          }
          const cols = Object.keys(place.columns)
          const values = cols.map((col) => encode(erased[col], place.columns[col]!))
          this.db.prepare(`UPDATE ${place.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`).run(...values, row._rid)
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
        const params = Array.from({ length: t.params }, () => sessionId)
        const { changes } = this.db.prepare(`DELETE FROM ${t.table} WHERE ${t.where}`).run(...params)
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
