/**
 * The stores access control needs (opened through ACCESS_STORES on any
 * backend), with their contract suite (test/integration/storage.accessContract.ts). Secrets are never
 * stored: passwords as scrypt hashes, tokens as SHA-256 hex.
 */
import type { AccountRole, AuditEntry, InviteRole } from '../../shared/access'

export interface UserRecord {
  id: string
  /** Lower-case. */
  email: string
  name: string
  role: AccountRole
  passwordHash: string
  createdAt: string
}

export interface UserStore {
  /** Adds a user; false when the email is taken. */
  create(user: UserRecord): Promise<boolean>
  get(id: string): Promise<UserRecord | null>
  getByEmail(email: string): Promise<UserRecord | null>
  count(): Promise<number>
  /** U1–U8 (server/accounts): every account, by email. */
  list(): Promise<UserRecord[]>
  setPasswordHash(id: string, passwordHash: string): Promise<void>
  /** U6: deactivates (`at`) or reactivates (null) an account; false when unknown. */
  setDeactivated(id: string, at: string | null): Promise<boolean>
  /** U6: when the account was deactivated, or null while it is active. */
  deactivatedAt(id: string): Promise<string | null>
}

export interface ParticipantIdentity {
  id: string
  name: string
  organisation: string
  role: InviteRole
  sessionId: string
  inviteId: string
}

/** A cookie session: either an account's or an invite participant's. */
export interface LoginRecord {
  tokenHash: string
  userId: string | null
  participant: ParticipantIdentity | null
  createdAt: string
  expiresAt: string
}

export interface LoginStore {
  create(login: LoginRecord): Promise<void>
  get(tokenHash: string): Promise<LoginRecord | null>
  delete(tokenHash: string): Promise<void>
  /** Drops logins that expired before `now` (ISO); returns how many. */
  deleteExpired(now: string): Promise<number>
  /** U6, U7: ends an account's logins (all, or all but `keepTokenHash`); returns how many. */
  deleteForUser(userId: string, keepTokenHash?: string): Promise<number>
}

/**
 * Themagroepen and their members. Every method that takes a name finds the
 * themagroep by its key (P26: NFKC, whitespace, case; shared/themagroepName.ts),
 * so "groep b" and "Groep\u00a0B" are one; names returned are the stored
 * spelling, the first one given.
 */
export interface ThemagroepStore {
  /** Creates the themagroep (normalised spelling) if no themagroep has its key; true when it was created now. */
  ensure(name: string, createdAt: string): Promise<boolean>
  exists(name: string): Promise<boolean>
  /** The stored spelling of the themagroep with this name's key, or null. */
  canonical(name: string): Promise<string | null>
  list(): Promise<string[]>
  /** Adds a member (idempotent). The themagroep must exist. */
  addMember(name: string, userId: string): Promise<void>
  members(name: string): Promise<string[]>
  /** U5: removes a member; false when they were not one. */
  removeMember(name: string, userId: string): Promise<boolean>
  /** Names of the themagroepen a user is a member of, sorted. */
  groupsOf(userId: string): Promise<string[]>
  /**
   * Merges themagroepen whose names share a key (made before P26): the
   * oldest spelling stays, the others' members join it and they go.
   * Returns what was merged.
   */
  mergeDuplicates(): Promise<{ kept: string; merged: string[] }[]>
}

export interface InviteRecord {
  id: string
  tokenHash: string
  sessionId: string
  role: InviteRole
  createdBy: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
}

export interface InviteStore {
  create(invite: InviteRecord): Promise<void>
  get(id: string): Promise<InviteRecord | null>
  getByTokenHash(tokenHash: string): Promise<InviteRecord | null>
  /** A session's invites, newest first. */
  listForSession(sessionId: string): Promise<InviteRecord[]>
  /** Marks the invite revoked (first revocation wins); false when unknown. */
  revoke(id: string, at: string): Promise<boolean>
  /** W23: gives an unrevoked invite another role; false when unknown or revoked. */
  setRole(id: string, role: InviteRole): Promise<boolean>
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>

export interface AuditQuery {
  /** Only entries about these themagroepen, or by `actor`; all entries when omitted. */
  themagroepen?: readonly string[]
  actor?: string
  /** Newest first, at most this many (default 200). */
  limit?: number
}

export interface AuditStore {
  append(entry: NewAuditEntry): Promise<number>
  list(query?: AuditQuery): Promise<AuditEntry[]>
}

export interface AccessStores {
  readonly users: UserStore
  readonly logins: LoginStore
  readonly themagroepen: ThemagroepStore
  readonly invites: InviteStore
  readonly audit: AuditStore
}
