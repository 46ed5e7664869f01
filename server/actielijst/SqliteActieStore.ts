/** The actielijst stores in SQLite (tables of ACTIE_SCHEMA). */
import type Database from 'better-sqlite3'
import { carryOverOf, statusEntryOf, type CarryRow, type StatusRow } from './actieRows'
import type { ActieStatusEntry, ActieStore, CarryOver } from './ActieStore'

export const ACTIE_SCHEMA = `
CREATE TABLE actie_status (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id  TEXT NOT NULL,
  sticky_id   TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  detail      TEXT NOT NULL
);
CREATE INDEX actie_status_session ON actie_status (session_id, seq);
CREATE TABLE actie_carry (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  from_session_id TEXT NOT NULL,
  from_sticky_id  TEXT NOT NULL,
  to_session_id   TEXT NOT NULL,
  to_sticky_id    TEXT NOT NULL,
  at              TEXT NOT NULL
);
CREATE INDEX actie_carry_from ON actie_carry (from_session_id);
CREATE INDEX actie_carry_to ON actie_carry (to_session_id);
CREATE TABLE actie_feed (
  key         TEXT PRIMARY KEY,
  themagroep  TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);
`


export class SqliteActieStore implements ActieStore {
  private readonly insertStatus
  private readonly insertCarry
  private readonly upsertFeed
  private readonly selectFeed
  private readonly deleteStatuses
  private readonly deleteCarries

  constructor(private readonly db: Database.Database) {
    this.insertStatus = db.prepare<[StatusRow]>(
      `INSERT INTO actie_status (session_id, sticky_id, from_status, to_status, at, actor, actor_name, detail)
       VALUES (@session_id, @sticky_id, @from_status, @to_status, @at, @actor, @actor_name, @detail)`,
    )
    this.insertCarry = db.prepare<[CarryRow]>(
      `INSERT INTO actie_carry (from_session_id, from_sticky_id, to_session_id, to_sticky_id, at)
       VALUES (@from_session_id, @from_sticky_id, @to_session_id, @to_sticky_id, @at)`,
    )
    this.upsertFeed = db.prepare<[string, string, string, string]>(
      `INSERT INTO actie_feed (key, themagroep, token_hash, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    )
    this.selectFeed = db.prepare<[string], { themagroep: string }>('SELECT themagroep FROM actie_feed WHERE token_hash = ?')
    this.deleteStatuses = db.prepare<[string]>('DELETE FROM actie_status WHERE session_id = ?')
    this.deleteCarries = db.prepare<[string, string]>('DELETE FROM actie_carry WHERE from_session_id = ? OR to_session_id = ?')
  }

  async addStatus(e: ActieStatusEntry): Promise<void> {
    this.insertStatus.run({
      session_id: e.sessionId,
      sticky_id: e.stickyId,
      from_status: e.from,
      to_status: e.to,
      at: e.at,
      actor: e.actor,
      actor_name: e.actorName,
      detail: e.detail,
    })
  }

  async statusesFor(sessionIds: readonly string[]): Promise<ActieStatusEntry[]> {
    if (sessionIds.length === 0) return []
    const rows = this.db
      .prepare<string[], StatusRow>(`SELECT * FROM actie_status WHERE session_id IN (${sessionIds.map(() => '?').join(',')}) ORDER BY seq`)
      .all(...sessionIds)
    return rows.map(statusEntryOf)
  }

  async addCarryOver(c: CarryOver): Promise<void> {
    this.insertCarry.run({
      from_session_id: c.fromSessionId,
      from_sticky_id: c.fromStickyId,
      to_session_id: c.toSessionId,
      to_sticky_id: c.toStickyId,
      at: c.at,
    })
  }

  async carryOversFor(sessionIds: readonly string[]): Promise<CarryOver[]> {
    if (sessionIds.length === 0) return []
    const marks = sessionIds.map(() => '?').join(',')
    const rows = this.db
      .prepare<string[], CarryRow>(`SELECT * FROM actie_carry WHERE from_session_id IN (${marks}) OR to_session_id IN (${marks}) ORDER BY seq`)
      .all(...sessionIds, ...sessionIds)
    return rows.map(carryOverOf)
  }

  async setFeed(key: string, themagroep: string, tokenHash: string, at: string): Promise<void> {
    this.upsertFeed.run(key, themagroep, tokenHash, at)
  }

  async feedByHash(tokenHash: string): Promise<string | null> {
    return this.selectFeed.get(tokenHash)?.themagroep ?? null
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.db.transaction(() => {
      this.deleteStatuses.run(sessionId)
      this.deleteCarries.run(sessionId, sessionId)
    })()
  }
}
