/**
 * Where a person may be named, for every SQL backend (SqlitePrivacyStore,
 * PgPrivacyStore): each table column that may hold a name, an organisation
 * or an e-mail address (PLACES), and each table with a session's rows
 * (SESSION_TABLES). A feature that adds such a table adds it here.
 */
import { gunzipSync, gzipSync } from 'node:zlib'

export type Kind = 'text' | 'json' | 'gzipJson'

export interface Place {
  place: string
  table: string
  /** The column naming the session; `participant` reads it from the participant JSON. */
  session: string | { json: string; key: string } | null
  columns: Readonly<Record<string, Kind>>
  /** A person stored as two columns (name, organisation). */
  person?: readonly [string, string]
}

/** Every table column that may hold a name, an organisation or an e-mail. */
export const PLACES: readonly Place[] = [
  // A failed login's actor is the e-mail that was tried.
  { place: 'audit', table: 'audit', session: 'session_id', columns: { actor: 'text', actor_name: 'text', detail: 'text' } },
  { place: 'participants', table: 'logins', session: { json: 'participant', key: 'sessionId' }, columns: { participant: 'json' } },
  // U14: who was there, kept after their login is gone.
  { place: 'attendance', table: 'attendance', session: 'session_id', columns: { name: 'text', organisation: 'text' }, person: ['name', 'organisation'] },
  { place: 'accounts', table: 'users', session: null, columns: { name: 'text', email: 'text' } },
  // U1, U10: an invitation or reset link names the account's e-mail.
  { place: 'account_links', table: 'account_links', session: null, columns: { email: 'text' } },
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

/** Every table with a session's rows, and the condition that picks them (G6); `?` is the session id. */
export const SESSION_TABLES: readonly { place: string; table: string; where: string | { json: string; key: string } }[] = [
  { place: 'board', table: 'doc_updates', where: 'room = ?' },
  { place: 'board', table: 'doc_snapshots', where: 'room = ?' },
  { place: 'sessions', table: 'sessions', where: 'id = ?' },
  { place: 'invites', table: 'invites', where: 'session_id = ?' },
  { place: 'short_links', table: 'short_links', where: 'session_id = ?' },
  { place: 'participants', table: 'logins', where: { json: 'participant', key: 'sessionId' } },
  { place: 'attendance', table: 'attendance', where: 'session_id = ?' },
  { place: 'audit', table: 'audit', where: 'session_id = ?' },
  { place: 'verslag_versions', table: 'verslag_versions', where: 'session_id = ?' },
  { place: 'board_pictures', table: 'board_pictures', where: 'session_id = ?' },
  { place: 'history_versions', table: 'history_versions', where: 'session_id = ?' },
  { place: 'regelruimte_status', table: 'regelruimte_status', where: 'session_id = ?' },
  { place: 'actielijst_status', table: 'actie_status', where: 'session_id = ?' },
  { place: 'actielijst_carry', table: 'actie_carry', where: 'from_session_id = ? OR to_session_id = ?' },
  { place: 'private_stickies', table: 'private_stickies', where: 'session_id = ?' },
]

export function decode(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) return value
  try {
    if (kind === 'json') return JSON.parse(String(value)) as unknown
    if (kind === 'gzipJson' && Buffer.isBuffer(value)) return JSON.parse(gunzipSync(value).toString('utf8')) as unknown
  } catch {
    return String(value)
  }
  return value
}

export function encode(value: unknown, kind: Kind): unknown {
  if (kind === 'json') return JSON.stringify(value)
  if (kind === 'gzipJson') return gzipSync(JSON.stringify(value))
  return value
}

/** The row's personal columns as one value: the person pair as {name, organisation}. */
export function valueOf(place: Place, row: Record<string, unknown>): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  for (const [col, kind] of Object.entries(place.columns)) value[col] = decode(row[col], kind)
  if (place.person) {
    const [name, organisation] = place.person
    value[name] = { name: value[name], organisation: value[organisation] }
    delete value[organisation]
  }
  return value
}

/** The columns to write back for an erased value (the person pair split again), in `Object.keys(place.columns)` order. */
export function columnsOf(place: Place, erased: Record<string, unknown>): unknown[] {
  const out = { ...erased }
  if (place.person) {
    const [name, organisation] = place.person
    const pair = out[name] as { name: unknown; organisation: unknown }
    out[name] = pair.name
    out[organisation] = pair.organisation
  }
  return Object.keys(place.columns).map((col) => encode(out[col], place.columns[col]!))
}
