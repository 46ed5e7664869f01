/** The session index in PostgreSQL; the SQLite sibling is SqliteSessionStore.ts. */
import type { SessionSummary } from '../../shared/api'
import { insertSql } from '../core/storage/insertSql'
import type { PgDb } from '../core/storage/pgPool'
import type { SessionStore } from './SessionStore'
import { SESSION_COLUMNS, sessionOf, sessionUpdate, sessionValues, type SessionPatch, type SessionRow } from './sessionRows'

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

const INSERT = insertSql('sessions', SESSION_COLUMNS, 'pg')

export class PgSessionStore implements SessionStore {
  constructor(private readonly db: PgDb) {}

  async create(s: SessionSummary): Promise<void> {
    await this.db.query(INSERT, sessionValues(s))
  }

  async get(id: string): Promise<SessionSummary | null> {
    const { rows } = await this.db.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id])
    return rows[0] ? sessionOf(rows[0]) : null
  }

  async list(): Promise<SessionSummary[]> {
    return (await this.db.query<SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC, id')).rows.map(sessionOf)
  }

  async update(id: string, patch: SessionPatch): Promise<void> {
    const update = sessionUpdate(id, patch, (i) => `$${i}`)
    if (update) await this.db.query(update.sql, update.values)
  }
}

