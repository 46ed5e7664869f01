/**
 * The access tables (users, logins, invites, audit) as both SQL stores write
 * and read them (SQLite and PostgreSQL name the columns alike; each keeps its
 * own CREATE TABLEs): the columns in insert order, a record's values in that
 * order, and rows read back. One place, so the two stores cannot drift apart.
 */
import type { AuditEntry } from '../../shared/access'
import { accountRoleSchema, inviteRoleSchema } from '../../shared/access'
import type { InviteRecord, LoginRecord, NewAuditEntry, ParticipantIdentity, UserRecord } from './AccessStores'

export const USER_COLUMNS = ['id', 'email', 'name', 'role', 'password_hash', 'created_at'] as const
export const LOGIN_COLUMNS = ['token_hash', 'user_id', 'participant', 'created_at', 'expires_at'] as const
export const INVITE_COLUMNS = ['id', 'token_hash', 'session_id', 'role', 'created_by', 'created_at', 'expires_at', 'revoked_at'] as const
/** A login written again under the same token hash replaces the one before. */
export const LOGIN_UPSERT = `ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id, participant = excluded.participant,
  created_at = excluded.created_at, expires_at = excluded.expires_at`
/** The audit id is the table's own sequence. */
export const AUDIT_COLUMNS = ['at', 'actor', 'actor_name', 'action', 'session_id', 'themagroep', 'detail'] as const

export interface UserRow {
  id: string
  email: string
  name: string
  role: string
  password_hash: string
  created_at: string
}
export interface LoginRow {
  token_hash: string
  user_id: string | null
  participant: string | null
  created_at: string
  expires_at: string
}
export interface InviteRow {
  id: string
  token_hash: string
  session_id: string
  role: string
  created_by: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}
/** PostgreSQL answers a BIGINT id as a string, SQLite as a number. */
export interface AuditRow {
  id: number | string
  at: string
  actor: string
  actor_name: string
  action: string
  session_id: string | null
  themagroep: string | null
  detail: string
}

export const userValues = (u: UserRecord): string[] => [u.id, u.email, u.name, u.role, u.passwordHash, u.createdAt]
export const loginValues = (l: LoginRecord): (string | null)[] => [l.tokenHash, l.userId, l.participant ? JSON.stringify(l.participant) : null, l.createdAt, l.expiresAt]
export const inviteValues = (i: InviteRecord): (string | null)[] => [i.id, i.tokenHash, i.sessionId, i.role, i.createdBy, i.createdAt, i.expiresAt, i.revokedAt]
export const auditValues = (e: NewAuditEntry): (string | null)[] => [e.at, e.actor, e.actorName, e.action, e.sessionId, e.themagroep, e.detail]

export const userOf = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: accountRoleSchema.parse(r.role),
  passwordHash: r.password_hash,
  createdAt: r.created_at,
})

export const participantOf = (json: string): ParticipantIdentity => JSON.parse(json) as ParticipantIdentity

export const loginOf = (r: LoginRow): LoginRecord => ({
  tokenHash: r.token_hash,
  userId: r.user_id,
  participant: r.participant ? participantOf(r.participant) : null,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
})

export const inviteOf = (r: InviteRow): InviteRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  sessionId: r.session_id,
  role: inviteRoleSchema.parse(r.role),
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
})

export const auditOf = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at,
  actor: r.actor,
  actorName: r.actor_name,
  action: r.action,
  sessionId: r.session_id,
  themagroep: r.themagroep,
  detail: r.detail,
})
