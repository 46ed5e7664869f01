/** The actielijst stores in PostgreSQL; the SQLite sibling is SqliteActieStore.ts. */
import type { PgDb } from '../core/storage/pgPool'
import { carryOverOf, statusEntryOf, type CarryRow, type StatusRow } from './actieRows'
import type { ActieStatusEntry, ActieStore, CarryOver } from './ActieStore'

export const ACTIE_PG_SCHEMA = `
CREATE TABLE actie_status (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
  seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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


export class PgActieStore implements ActieStore {
  constructor(private readonly db: PgDb) {}

  async addStatus(e: ActieStatusEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO actie_status (session_id, sticky_id, from_status, to_status, at, actor, actor_name, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.sessionId, e.stickyId, e.from, e.to, e.at, e.actor, e.actorName, e.detail],
    )
  }

  async statusesFor(sessionIds: readonly string[]): Promise<ActieStatusEntry[]> {
    if (sessionIds.length === 0) return []
    const { rows } = await this.db.query<StatusRow>(
      'SELECT session_id, sticky_id, from_status, to_status, at, actor, actor_name, detail FROM actie_status WHERE session_id = ANY($1::text[]) ORDER BY seq',
      [[...sessionIds]],
    )
    return rows.map(statusEntryOf)
  }

  async addCarryOver(c: CarryOver): Promise<void> {
    await this.db.query(
      'INSERT INTO actie_carry (from_session_id, from_sticky_id, to_session_id, to_sticky_id, at) VALUES ($1, $2, $3, $4, $5)',
      [c.fromSessionId, c.fromStickyId, c.toSessionId, c.toStickyId, c.at],
    )
  }

  async carryOversFor(sessionIds: readonly string[]): Promise<CarryOver[]> {
    if (sessionIds.length === 0) return []
    const { rows } = await this.db.query<CarryRow>(
      `SELECT from_session_id, from_sticky_id, to_session_id, to_sticky_id, at FROM actie_carry
       WHERE from_session_id = ANY($1::text[]) OR to_session_id = ANY($1::text[]) ORDER BY seq`,
      [[...sessionIds]],
    )
    return rows.map(carryOverOf)
  }

  async setFeed(key: string, themagroep: string, tokenHash: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO actie_feed (key, themagroep, token_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
      [key, themagroep, tokenHash, at],
    )
  }

  async feedByHash(tokenHash: string): Promise<string | null> {
    const { rows } = await this.db.query<{ themagroep: string }>('SELECT themagroep FROM actie_feed WHERE token_hash = $1', [tokenHash])
    return rows[0]?.themagroep ?? null
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query('DELETE FROM actie_status WHERE session_id = $1', [sessionId])
      await client.query('DELETE FROM actie_carry WHERE from_session_id = $1 OR to_session_id = $1', [sessionId])
    })
  }
}
