/**
 * PostgreSQL access stores (tables of ACCESS_PG_SCHEMA); the SQLite sibling
 * is SqliteAccessStores.ts and both pass test/integration/storage.accessContract.ts.
 * Only hashes of secrets are written (see AccessStores.ts).
 */
import type { AuditEntry, InviteRole } from '../../shared/access'
import { normalizeThemagroepName, themagroepKey } from '../../shared/themagroepName'
import { insertSql } from '../core/storage/insertSql'
import { num, type PgDb } from '../core/storage/pgPool'
import type {
  AccessStores,
  AuditQuery,
  AuditStore,
  InviteRecord,
  InviteStore,
  LoginRecord,
  LoginStore,
  NewAuditEntry,
  ThemagroepStore,
  UserRecord,
  UserStore,
} from './AccessStores'
import {
  AUDIT_COLUMNS,
  auditOf,
  auditValues,
  INVITE_COLUMNS,
  inviteOf,
  inviteValues,
  LOGIN_COLUMNS,
  LOGIN_UPSERT,
  loginOf,
  loginValues,
  USER_COLUMNS,
  userOf,
  userValues,
  type AuditRow,
  type InviteRow,
  type LoginRow,
  type UserRow,
} from './accessRows'

export const ACCESS_PG_SCHEMA = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE logins (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT,
  participant TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE themagroepen (
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  name TEXT COLLATE "C" PRIMARY KEY,
  created_at TEXT NOT NULL
);
CREATE TABLE themagroep_members (
  themagroep TEXT COLLATE "C" NOT NULL REFERENCES themagroepen(name),
  user_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (themagroep, user_id)
);
CREATE TABLE invites (
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL,
  role TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX invites_session ON invites (session_id, created_at);
CREATE TABLE audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  session_id TEXT,
  themagroep TEXT,
  detail TEXT NOT NULL
);
`

/** Migration 2 (U6, U12): deactivated accounts, and logins found per account. */
export const ACCOUNT_DEACTIVATION_PG_SCHEMA = `
CREATE TABLE user_deactivations (
  user_id TEXT PRIMARY KEY,
  at TEXT NOT NULL
);
CREATE INDEX logins_user ON logins (user_id);
`

class PgUserStore implements UserStore {
  constructor(private readonly db: PgDb) {}
  async create(u: UserRecord): Promise<boolean> {
    const result = await this.db.query(`${insertSql('users', USER_COLUMNS, 'pg')} ON CONFLICT DO NOTHING`, userValues(u))
    return result.rowCount === 1
  }
  async get(id: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])
    return rows[0] ? userOf(rows[0]) : null
  }
  async getByEmail(email: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users WHERE email = $1', [email])
    return rows[0] ? userOf(rows[0]) : null
  }
  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>('SELECT COUNT(*) AS n FROM users')
    return num(rows[0]?.n ?? 0)
  }
  async list(): Promise<UserRecord[]> {
    const { rows } = await this.db.query<UserRow>('SELECT * FROM users ORDER BY email COLLATE "C"')
    return rows.map(userOf)
  }
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id])
  }
  async setDeactivated(id: string, at: string | null): Promise<boolean> {
    if (!(await this.get(id))) return false
    if (at === null) await this.db.query('DELETE FROM user_deactivations WHERE user_id = $1', [id])
    else await this.db.query('INSERT INTO user_deactivations (user_id, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, at])
    return true
  }
  async deactivatedAt(id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ at: string }>('SELECT at FROM user_deactivations WHERE user_id = $1', [id])
    return rows[0]?.at ?? null
  }
}

class PgLoginStore implements LoginStore {
  constructor(private readonly db: PgDb) {}
  async create(l: LoginRecord): Promise<void> {
    await this.db.query(`${insertSql('logins', LOGIN_COLUMNS, 'pg')} ${LOGIN_UPSERT}`, loginValues(l))
  }
  async get(tokenHash: string): Promise<LoginRecord | null> {
    const { rows } = await this.db.query<LoginRow>('SELECT * FROM logins WHERE token_hash = $1', [tokenHash])
    return rows[0] ? loginOf(rows[0]) : null
  }
  async delete(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM logins WHERE token_hash = $1', [tokenHash])
  }
  async deleteExpired(now: string): Promise<number> {
    return (await this.db.query('DELETE FROM logins WHERE expires_at < $1', [now])).rowCount ?? 0
  }
  async deleteForUser(userId: string, keepTokenHash = ''): Promise<number> {
    return (await this.db.query('DELETE FROM logins WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash])).rowCount ?? 0
  }
}

/**
 * Names are found by key (P26) in JS, as on SQLite: the same normalisation
 * everywhere, and a programme has tens of themagroepen, not thousands.
 * Creating and merging take one advisory lock, so instances do not race.
 */
class PgThemagroepStore implements ThemagroepStore {
  constructor(private readonly db: PgDb) {}
  private async byAge(query: (text: string, values?: unknown[]) => Promise<{ rows: { name: string }[] }>): Promise<string[]> {
    return (await query('SELECT name FROM themagroepen ORDER BY created_at, seq')).rows.map((r) => r.name)
  }
  private async find(name: string): Promise<string | null> {
    const key = themagroepKey(name)
    return (await this.byAge((t, v) => this.db.query<{ name: string }>(t, v))).find((n) => themagroepKey(n) === key) ?? null
  }
  async ensure(name: string, createdAt: string): Promise<boolean> {
    return this.db.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('themagroepen'))")
      const key = themagroepKey(name)
      const names = await this.byAge((t, v) => client.query<{ name: string }>(t, v))
      if (names.some((n) => themagroepKey(n) === key)) return false
      const result = await client.query('INSERT INTO themagroepen (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        normalizeThemagroepName(name),
        createdAt,
      ])
      return result.rowCount === 1
    })
  }
  async exists(name: string): Promise<boolean> {
    return (await this.find(name)) !== null
  }
  async canonical(name: string): Promise<string | null> {
    return this.find(name)
  }
  async list(): Promise<string[]> {
    return (await this.db.query<{ name: string }>('SELECT name FROM themagroepen ORDER BY name')).rows.map((r) => r.name)
  }
  async addMember(name: string, userId: string): Promise<void> {
    const stored = await this.find(name)
    if (stored === null) throw new Error(`unknown themagroep ${name}`)
    await this.db.query('INSERT INTO themagroep_members (themagroep, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      stored,
      userId,
    ])
  }
  async removeMember(name: string, userId: string): Promise<boolean> {
    const stored = await this.find(name)
    if (stored === null) return false
    return ((await this.db.query('DELETE FROM themagroep_members WHERE themagroep = $1 AND user_id = $2', [stored, userId])).rowCount ?? 0) === 1
  }
  async members(name: string): Promise<string[]> {
    const stored = await this.find(name)
    if (stored === null) return []
    const { rows } = await this.db.query<{ user_id: string }>(
      'SELECT user_id FROM themagroep_members WHERE themagroep = $1 ORDER BY user_id',
      [stored],
    )
    return rows.map((r) => r.user_id)
  }
  async groupsOf(userId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ themagroep: string }>(
      'SELECT themagroep FROM themagroep_members WHERE user_id = $1 ORDER BY themagroep',
      [userId],
    )
    return rows.map((r) => r.themagroep)
  }
  async mergeDuplicates(): Promise<{ kept: string; merged: string[] }[]> {
    return this.db.transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('themagroepen'))")
      const byKey = new Map<string, string[]>()
      for (const name of await this.byAge((t, v) => client.query<{ name: string }>(t, v))) {
        byKey.set(themagroepKey(name), [...(byKey.get(themagroepKey(name)) ?? []), name])
      }
      const result: { kept: string; merged: string[] }[] = []
      for (const [kept, ...merged] of byKey.values()) {
        if (!kept || merged.length === 0) continue
        for (const name of merged) {
          await client.query(
            `INSERT INTO themagroep_members (themagroep, user_id) SELECT $1, user_id FROM themagroep_members WHERE themagroep = $2
             ON CONFLICT DO NOTHING`,
            [kept, name],
          )
          await client.query('DELETE FROM themagroep_members WHERE themagroep = $1', [name])
          await client.query('DELETE FROM themagroepen WHERE name = $1', [name])
        }
        result.push({ kept, merged })
      }
      return result
    })
  }
}

class PgInviteStore implements InviteStore {
  constructor(private readonly db: PgDb) {}
  async create(i: InviteRecord): Promise<void> {
    await this.db.query(insertSql('invites', INVITE_COLUMNS, 'pg'), inviteValues(i))
  }
  async get(id: string): Promise<InviteRecord | null> {
    const { rows } = await this.db.query<InviteRow>('SELECT * FROM invites WHERE id = $1', [id])
    return rows[0] ? inviteOf(rows[0]) : null
  }
  async getByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    const { rows } = await this.db.query<InviteRow>('SELECT * FROM invites WHERE token_hash = $1', [tokenHash])
    return rows[0] ? inviteOf(rows[0]) : null
  }
  async listForSession(sessionId: string): Promise<InviteRecord[]> {
    const { rows } = await this.db.query<InviteRow>(
      'SELECT * FROM invites WHERE session_id = $1 ORDER BY created_at DESC, seq DESC',
      [sessionId],
    )
    return rows.map(inviteOf)
  }
  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.db.query('UPDATE invites SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [at, id])
    return result.rowCount === 1
  }
  async setRole(id: string, role: InviteRole): Promise<boolean> {
    const result = await this.db.query('UPDATE invites SET role = $1 WHERE id = $2 AND revoked_at IS NULL', [role, id])
    return result.rowCount === 1
  }
}

class PgAuditStore implements AuditStore {
  constructor(private readonly db: PgDb) {}
  async append(e: NewAuditEntry): Promise<number> {
    const { rows } = await this.db.query<{ id: string }>(`${insertSql('audit', AUDIT_COLUMNS, 'pg')} RETURNING id`, auditValues(e))
    return num(rows[0]?.id ?? 0)
  }
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { themagroepen, actor, limit = 200 } = query
    if (!themagroepen) {
      return (await this.db.query<AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT $1', [limit])).rows.map(auditOf)
    }
    const { rows } = await this.db.query<AuditRow>(
      'SELECT * FROM audit WHERE themagroep = ANY($1::text[]) OR actor = $2 ORDER BY id DESC LIMIT $3',
      [[...themagroepen], actor ?? '', limit],
    )
    return rows.map(auditOf)
  }
}

/** The stores on a database already migrated (tables of ACCESS_PG_SCHEMA). */
export function createPgAccessStores(db: PgDb): AccessStores {
  return {
    users: new PgUserStore(db),
    logins: new PgLoginStore(db),
    themagroepen: new PgThemagroepStore(db),
    invites: new PgInviteStore(db),
    audit: new PgAuditStore(db),
  }
}
