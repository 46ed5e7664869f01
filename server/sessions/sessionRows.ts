/**
 * The `sessions` table (the session index) as both SQL stores write and read
 * it (SQLite and PostgreSQL name the columns alike; each keeps its own CREATE
 * TABLE): the columns in insert order, a session's values in that order, a
 * row read back, and the columns a patch may change. One place, so the two
 * stores cannot drift apart.
 */
import type { SessionSummary } from '../../shared/api'
import { sessionTypeSchema } from '../../shared/session'

export const SESSION_COLUMNS = ['id', 'title', 'themagroep', 'type', 'date', 'place', 'created_at', 'updated_at'] as const

export interface SessionRow {
  id: string
  title: string
  themagroep: string
  type: string
  date: string | null
  place: string | null
  created_at: string
  updated_at: string
}

export type SessionPatch = Partial<Omit<SessionSummary, 'id' | 'createdAt'>>

/** A session's values in the order of SESSION_COLUMNS. */
export const sessionValues = (s: SessionSummary): (string | null)[] => [s.id, s.title, s.themagroep, s.type, s.date, s.place, s.createdAt, s.updatedAt]

/** A type the code no longer knows reads as brownpapersessie (built once: rows are read on every join). */
const sessionType = sessionTypeSchema.catch('brownpapersessie')

export const sessionOf = (row: SessionRow): SessionSummary => ({
  id: row.id,
  title: row.title,
  themagroep: row.themagroep,
  type: sessionType.parse(row.type),
  date: row.date,
  place: row.place,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const PATCHABLE: Record<keyof SessionPatch, string> = {
  title: 'title',
  themagroep: 'themagroep',
  type: 'type',
  date: 'date',
  place: 'place',
  updatedAt: 'updated_at',
}

/**
 * `UPDATE sessions SET … WHERE id = …` for the fields a patch sets, with the
 * store's placeholders (`placeholder(i)` for the i-th value, from 1), and its
 * values (the id last); null when the patch sets nothing.
 */
export function sessionUpdate(id: string, patch: SessionPatch, placeholder: (i: number) => string): { sql: string; values: (string | null)[] } | null {
  const entries = (Object.keys(PATCHABLE) as (keyof SessionPatch)[])
    .filter((key) => patch[key] !== undefined)
    .map((key) => [PATCHABLE[key], patch[key] ?? null] as const)
  if (entries.length === 0) return null
  const sets = entries.map(([column], i) => `${column} = ${placeholder(i + 1)}`).join(', ')
  return { sql: `UPDATE sessions SET ${sets} WHERE id = ${placeholder(entries.length + 1)}`, values: [...entries.map(([, v]) => v), id] }
}
