/** The session index on SQLite. */
import type { SessionSummary } from '../../shared/api'
import type { SqliteDatabase } from '../core/storage/Backend'
import { insertSql } from '../core/storage/insertSql'
import type { SessionStore } from './SessionStore'
import { SESSION_COLUMNS, sessionOf, sessionUpdate, sessionValues, type SessionPatch, type SessionRow } from './sessionRows'

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

export class SqliteSessionStore implements SessionStore {
  private readonly insert
  private readonly selectOne
  private readonly selectAll

  constructor(private readonly db: Db) {
    this.insert = db.prepare(insertSql('sessions', SESSION_COLUMNS, 'sqlite'))
    this.selectOne = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?')
    this.selectAll = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC, id')
  }

  async create(s: SessionSummary): Promise<void> {
    this.insert.run(...sessionValues(s))
  }

  async get(id: string): Promise<SessionSummary | null> {
    const row = this.selectOne.get(id)
    return row ? sessionOf(row) : null
  }

  async list(): Promise<SessionSummary[]> {
    return this.selectAll.all().map(sessionOf)
  }

  async update(id: string, patch: SessionPatch): Promise<void> {
    const update = sessionUpdate(id, patch, () => '?')
    if (update) this.db.prepare(update.sql).run(...update.values)
  }
}

