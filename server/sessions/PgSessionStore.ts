/** The session index in PostgreSQL; the SQLite sibling is SqliteSessionStore.ts. */
import type { SessionSummary } from '../../shared/api'
import { sessionTypeSchema } from '../../shared/session'
import type { PgDb } from '../core/storage/pgPool'
import type { SessionStore } from './SessionStore'

export const SESSIONS_PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT NOT NULL,
    themagroep TEXT NOT NULL,
    type       TEXT NOT NULL,
    date       TEXT,
    place      TEXT,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX sessions_created ON sessions (created_at DESC, id);
  `,
]

interface SessionRow {
  id: string
  title: string
  themagroep: string
  type: string
  date: string | null
  place: string | null
  created_at: string
  updated_at: string
}

/** Built once: a zod schema is costly to build, and rows are read per request. */
const sessionTypeOrDefault = sessionTypeSchema.catch('brownpapersessie')

const fromRow = (row: SessionRow): SessionSummary => ({
  id: row.id,
  title: row.title,
  themagroep: row.themagroep,
  type: sessionTypeOrDefault.parse(row.type),
  date: row.date,
  place: row.place,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const COLUMNS: Record<keyof Omit<SessionSummary, 'id' | 'createdAt'>, string> = {
  title: 'title',
  themagroep: 'themagroep',
  type: 'type',
  date: 'date',
  place: 'place',
  updatedAt: 'updated_at',
}

export class PgSessionStore implements SessionStore {
  constructor(private readonly db: PgDb) {}

  async create(s: SessionSummary): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (id, title, themagroep, type, date, place, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.id, s.title, s.themagroep, s.type, s.date, s.place, s.createdAt, s.updatedAt],
    )
  }

  async get(id: string): Promise<SessionSummary | null> {
    const { rows } = await this.db.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id])
    return rows[0] ? fromRow(rows[0]) : null
  }

  async list(): Promise<SessionSummary[]> {
    return (await this.db.query<SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC, id')).rows.map(fromRow)
  }

  async update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void> {
    const entries = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => [COLUMNS[key], patch[key] ?? null] as const)
    if (entries.length === 0) return
    const sets = entries.map(([column], i) => `${column} = $${i + 1}`).join(', ')
    await this.db.query(`UPDATE sessions SET ${sets} WHERE id = $${entries.length + 1}`, [...entries.map(([, v]) => v), id])
  }
}

