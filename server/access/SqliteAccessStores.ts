/**
 * SQLite access stores on the same database file as the documents. Tables are
 * created on open; statements are prepared once. Only hashes of secrets are
 * written (see AccessStores.ts).
 */
import { normalizeThemagroepName, themagroepKey } from '../../shared/themagroepName'
import type Database from 'better-sqlite3'
import type { AuditEntry, InviteRole } from '../../shared/access'
import { insertSql } from '../core/storage/insertSql'
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

/** Migration 2 of the SQLite store (sqliteMigrations.ts). */
export const ACCESS_SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS logins (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT,
  participant TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS themagroepen (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS themagroep_members (
  themagroep TEXT NOT NULL REFERENCES themagroepen(name),
  user_id TEXT NOT NULL,
  PRIMARY KEY (themagroep, user_id)
);
CREATE TABLE IF NOT EXISTS invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL,
  role TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS invites_session ON invites(session_id, created_at);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  session_id TEXT,
  themagroep TEXT,
  detail TEXT NOT NULL
);
`

/** Migration 2 of the access stores (U6): deactivated accounts, kept apart so the users table stays as it was. */
export const ACCOUNT_DEACTIVATION_SCHEMA = `
CREATE TABLE IF NOT EXISTS user_deactivations (
  user_id TEXT PRIMARY KEY,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS logins_user ON logins(user_id);
`

class SqliteUserStore implements UserStore {
  private readonly insert
  private readonly byId
  private readonly byEmail
  private readonly total
  private readonly all
  private readonly setHash
  private readonly deactivate
  private readonly reactivate
  private readonly deactivation
  constructor(db: Database.Database) {
    this.insert = db.prepare(`${insertSql('users', USER_COLUMNS, 'sqlite')} ON CONFLICT DO NOTHING`)
    this.byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?')
    this.byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?')
    this.total = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users')
    this.all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY email')
    this.setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?')
    this.deactivate = db.prepare('INSERT OR IGNORE INTO user_deactivations (user_id, at) VALUES (?, ?)')
    this.reactivate = db.prepare('DELETE FROM user_deactivations WHERE user_id = ?')
    this.deactivation = db.prepare<[string], { at: string }>('SELECT at FROM user_deactivations WHERE user_id = ?')
  }
  async list(): Promise<UserRecord[]> {
    return this.all.all().map(userOf)
  }
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    this.setHash.run(passwordHash, id)
  }
  async setDeactivated(id: string, at: string | null): Promise<boolean> {
    if (!this.byId.get(id)) return false
    if (at === null) this.reactivate.run(id)
    else this.deactivate.run(id, at)
    return true
  }
  async deactivatedAt(id: string): Promise<string | null> {
    return this.deactivation.get(id)?.at ?? null
  }
  async create(u: UserRecord): Promise<boolean> {
    return this.insert.run(...userValues(u)).changes === 1
  }
  async get(id: string): Promise<UserRecord | null> {
    const row = this.byId.get(id)
    return row ? userOf(row) : null
  }
  async getByEmail(email: string): Promise<UserRecord | null> {
    const row = this.byEmail.get(email)
    return row ? userOf(row) : null
  }
  async count(): Promise<number> {
    return this.total.get()?.n ?? 0
  }
}

class SqliteLoginStore implements LoginStore {
  private readonly insert
  private readonly byHash
  private readonly remove
  private readonly removeExpired
  private readonly removeForUser
  constructor(db: Database.Database) {
    this.insert = db.prepare(`${insertSql('logins', LOGIN_COLUMNS, 'sqlite')} ${LOGIN_UPSERT}`)
    this.byHash = db.prepare<[string], LoginRow>('SELECT * FROM logins WHERE token_hash = ?')
    this.remove = db.prepare('DELETE FROM logins WHERE token_hash = ?')
    this.removeExpired = db.prepare('DELETE FROM logins WHERE expires_at < ?')
    this.removeForUser = db.prepare('DELETE FROM logins WHERE user_id = ? AND token_hash != ?')
  }
  async deleteForUser(userId: string, keepTokenHash = ''): Promise<number> {
    return this.removeForUser.run(userId, keepTokenHash).changes
  }
  async create(l: LoginRecord): Promise<void> {
    this.insert.run(...loginValues(l))
  }
  async get(tokenHash: string): Promise<LoginRecord | null> {
    const row = this.byHash.get(tokenHash)
    return row ? loginOf(row) : null
  }
  async delete(tokenHash: string): Promise<void> {
    this.remove.run(tokenHash)
  }
  async deleteExpired(now: string): Promise<number> {
    return this.removeExpired.run(now).changes
  }
}

/**
 * Names are found by key (P26) in JS: SQLite cannot NFKC-normalise, and a
 * programme has tens of themagroepen, not thousands.
 */
class SqliteThemagroepStore implements ThemagroepStore {
  private readonly insert
  private readonly all
  private readonly byAge
  private readonly addOne
  private readonly removeOne
  private readonly membersOf
  private readonly groups
  private readonly ensureTx: (name: string, createdAt: string) => boolean
  private readonly mergeTx: () => { kept: string; merged: string[] }[]
  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO themagroepen (name, created_at) VALUES (?, ?)')
    this.all = db.prepare<[], { name: string }>('SELECT name FROM themagroepen ORDER BY name')
    this.byAge = db.prepare<[], { name: string }>('SELECT name FROM themagroepen ORDER BY created_at, rowid')
    this.ensureTx = db.transaction((name: string, createdAt: string) => {
      if (this.find(name) !== null) return false
      return this.insert.run(normalizeThemagroepName(name), createdAt).changes === 1
    })
    const moveMembers = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO themagroep_members (themagroep, user_id) SELECT ?, user_id FROM themagroep_members WHERE themagroep = ?',
    )
    const dropMembers = db.prepare<[string]>('DELETE FROM themagroep_members WHERE themagroep = ?')
    const dropGroup = db.prepare<[string]>('DELETE FROM themagroepen WHERE name = ?')
    this.mergeTx = db.transaction(() => {
      const byKey = new Map<string, string[]>()
      for (const { name } of this.byAge.all()) byKey.set(themagroepKey(name), [...(byKey.get(themagroepKey(name)) ?? []), name])
      const result: { kept: string; merged: string[] }[] = []
      for (const [kept, ...merged] of byKey.values()) {
        if (!kept || merged.length === 0) continue
        for (const name of merged) {
          moveMembers.run(kept, name)
          dropMembers.run(name)
          dropGroup.run(name)
        }
        result.push({ kept, merged })
      }
      return result
    })
    this.addOne = db.prepare('INSERT OR IGNORE INTO themagroep_members (themagroep, user_id) VALUES (?, ?)')
    this.removeOne = db.prepare('DELETE FROM themagroep_members WHERE themagroep = ? AND user_id = ?')
    this.membersOf = db.prepare<[string], { user_id: string }>(
      'SELECT user_id FROM themagroep_members WHERE themagroep = ? ORDER BY user_id',
    )
    this.groups = db.prepare<[string], { themagroep: string }>(
      'SELECT themagroep FROM themagroep_members WHERE user_id = ? ORDER BY themagroep',
    )
  }
  private find(name: string): string | null {
    const key = themagroepKey(name)
    return this.byAge.all().find((row) => themagroepKey(row.name) === key)?.name ?? null
  }
  async ensure(name: string, createdAt: string): Promise<boolean> {
    return this.ensureTx(name, createdAt)
  }
  async exists(name: string): Promise<boolean> {
    return this.find(name) !== null
  }
  async canonical(name: string): Promise<string | null> {
    return this.find(name)
  }
  async list(): Promise<string[]> {
    return this.all.all().map((r) => r.name)
  }
  async addMember(name: string, userId: string): Promise<void> {
    const stored = this.find(name)
    if (stored === null) throw new Error(`unknown themagroep ${name}`)
    this.addOne.run(stored, userId)
  }
  async members(name: string): Promise<string[]> {
    const stored = this.find(name)
    return stored === null ? [] : this.membersOf.all(stored).map((r) => r.user_id)
  }
  async removeMember(name: string, userId: string): Promise<boolean> {
    const stored = this.find(name)
    return stored !== null && this.removeOne.run(stored, userId).changes === 1
  }
  async mergeDuplicates(): Promise<{ kept: string; merged: string[] }[]> {
    return this.mergeTx()
  }
  async groupsOf(userId: string): Promise<string[]> {
    return this.groups.all(userId).map((r) => r.themagroep)
  }
}

class SqliteInviteStore implements InviteStore {
  private readonly insert
  private readonly byId
  private readonly byHash
  private readonly forSession
  private readonly markRevoked
  private readonly updateRole
  constructor(db: Database.Database) {
    this.insert = db.prepare(insertSql('invites', INVITE_COLUMNS, 'sqlite'))
    this.byId = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?')
    this.byHash = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?')
    this.forSession = db.prepare<[string], InviteRow>(
      'SELECT * FROM invites WHERE session_id = ? ORDER BY created_at DESC, rowid DESC',
    )
    this.markRevoked = db.prepare('UPDATE invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?')
    this.updateRole = db.prepare('UPDATE invites SET role = ? WHERE id = ? AND revoked_at IS NULL')
  }
  async create(i: InviteRecord): Promise<void> {
    this.insert.run(...inviteValues(i))
  }
  async get(id: string): Promise<InviteRecord | null> {
    const row = this.byId.get(id)
    return row ? inviteOf(row) : null
  }
  async getByTokenHash(tokenHash: string): Promise<InviteRecord | null> {
    const row = this.byHash.get(tokenHash)
    return row ? inviteOf(row) : null
  }
  async listForSession(sessionId: string): Promise<InviteRecord[]> {
    return this.forSession.all(sessionId).map(inviteOf)
  }
  async revoke(id: string, at: string): Promise<boolean> {
    return this.markRevoked.run(at, id).changes === 1
  }
  async setRole(id: string, role: InviteRole): Promise<boolean> {
    return this.updateRole.run(role, id).changes === 1
  }
}

class SqliteAuditStore implements AuditStore {
  private readonly insert
  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(insertSql('audit', AUDIT_COLUMNS, 'sqlite'))
  }
  async append(e: NewAuditEntry): Promise<number> {
    return Number(this.insert.run(...auditValues(e)).lastInsertRowid)
  }
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { themagroepen, actor, limit = 200 } = query
    if (!themagroepen) {
      return this.db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit).map(auditOf)
    }
    const marks = themagroepen.map(() => '?').join(', ')
    const where = themagroepen.length > 0 ? `themagroep IN (${marks}) OR actor = ?` : 'actor = ?'
    return this.db
      .prepare<unknown[], AuditRow>(`SELECT * FROM audit WHERE ${where} ORDER BY id DESC LIMIT ?`)
      .all(...themagroepen, actor ?? '', limit)
      .map(auditOf)
  }
}

/** The stores on a database already migrated (tables of ACCESS_SCHEMA). */
export function createSqliteAccessStores(db: Database.Database): AccessStores {
  return {
    users: new SqliteUserStore(db),
    logins: new SqliteLoginStore(db),
    themagroepen: new SqliteThemagroepStore(db),
    invites: new SqliteInviteStore(db),
    audit: new SqliteAuditStore(db),
  }
}
