/** The session index on SQLite. */
import type { SessionSummary } from '../../shared/api'
import { sessionTypeSchema } from '../../shared/session'
import type { SqliteDatabase } from '../core/storage/Backend'
import type { SessionStore } from './SessionStore'

type Db = SqliteDatabase

export const SESSIONS_MIGRATIONS: readonly string[] = [
  // 1: the session index
  `
  CREATE TABLE IF NOT EXISTS sessions (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    themagroep TEXT NOT NULL,
    type       TEXT NOT NULL,
    date       TEXT,
    place      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS sessions_created ON sessions (created_at DESC, id);
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

export class SqliteSessionStore implements SessionStore {
  private readonly insert
  private readonly selectOne
  private readonly selectAll

  constructor(private readonly db: Db) {
    this.insert = db.prepare<[SessionRow]>(
      `INSERT INTO sessions (id, title, themagroep, type, date, place, created_at, updated_at)
       VALUES (@id, @title, @themagroep, @type, @date, @place, @created_at, @updated_at)`,
    )
    this.selectOne = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?')
    this.selectAll = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC, id')
  }

  async create(s: SessionSummary): Promise<void> {
    this.insert.run({
      id: s.id,
      title: s.title,
      themagroep: s.themagroep,
      type: s.type,
      date: s.date,
      place: s.place,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    })
  }

  async get(id: string): Promise<SessionSummary | null> {
    const row = this.selectOne.get(id)
    return row ? fromRow(row) : null
  }

  async list(): Promise<SessionSummary[]> {
    return this.selectAll.all().map(fromRow)
  }

  async update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void> {
    const entries = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => [COLUMNS[key], patch[key] ?? null] as const)
    if (entries.length === 0) return
    const sets = entries.map(([column]) => `${column} = ?`).join(', ')
    this.db.prepare(`UPDATE sessions SET ${sets} WHERE id = ?`).run(...entries.map(([, v]) => v), id)
  }
}

