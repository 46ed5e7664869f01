/**
 * Identities and secrets: resolves the caller of a request or websocket into
 * an Actor (P2, P3, P13), logs accounts in, redeems invites, writes the
 * audit log (P16). Decisions are left to `can` (policy.ts).
 */
import type { IncomingMessage } from 'node:http'
import { parseCookie } from 'cookie'
import type { InviteRole, MeResponse } from '../../shared/access'
import { MemorySetupTokens, type SetupTokens } from './SetupTokens'
import type { AccessStores, InviteRecord, ParticipantIdentity, UserRecord } from './AccessStores'
import { ADMIN, ANONYMOUS, actorId, actorName, type Actor } from './Actor'
import { isMemberOf } from './policy'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password'
import { csrfTokenFor, hashToken, newId, newToken, safeEqual } from './tokens'

export const SESSION_COOKIE = 'bp_session'
const USER_LOGIN_HOURS = 24 * 7
const DEFAULT_INVITE_HOURS = 24 * 7

/** How the actor was recognised: cookie-authenticated requests need a CSRF token (P14). */
export type Via = 'none' | 'cookie' | 'bearer' | 'query'

export interface Auth {
  actor: Actor
  via: Via
  /** The cookie session's secret, when `via` is cookie (for the CSRF check and logout). */
  sessionToken: string | null
}

export interface AccessOptions {
  stores: AccessStores
  adminToken?: string | undefined
  now?: () => Date
  /** K6: shared with the other instances (Redis); in memory otherwise. */
  setupTokens?: SetupTokens
}

const hoursFrom = (now: Date, hours: number): string => new Date(now.getTime() + hours * 3_600_000).toISOString()

/** U14: told when a participant joins or opens the session's board with their login. */
export type ParticipantSeen = (participant: ParticipantIdentity, at: string) => Promise<void>

export class AccessService {
  readonly stores: AccessStores
  private readonly adminToken: string | null
  private readonly now: () => Date
  private readonly setupTokens: SetupTokens
  private readonly seenListeners: ParticipantSeen[] = []

  constructor(options: AccessOptions) {
    this.stores = options.stores
    this.adminToken = options.adminToken ? options.adminToken : null
    this.now = options.now ?? (() => new Date())
    this.setupTokens = options.setupTokens ?? new MemorySetupTokens()
  }

  private iso(): string {
    return this.now().toISOString()
  }

  // --- resolving the caller -------------------------------------------------

  /** The caller of an HTTP request or websocket upgrade. A bad credential counts as none (P2). */
  async resolve(req: IncomingMessage, queryToken: string | null = null): Promise<Auth> {
    const header = req.headers.authorization
    if (header?.startsWith('Bearer ')) {
      const actor = await this.actorForToken(header.slice('Bearer '.length).trim())
      return { actor, via: actor.kind === 'anonymous' ? 'none' : 'bearer', sessionToken: null }
    }
    if (queryToken) {
      const actor = await this.actorForToken(queryToken)
      if (actor.kind !== 'anonymous') return { actor, via: 'query', sessionToken: null }
    }
    const cookie = req.headers.cookie ? parseCookie(req.headers.cookie)[SESSION_COOKIE] : undefined
    if (cookie) {
      const actor = await this.actorForSessionToken(cookie)
      if (actor.kind !== 'anonymous') return { actor, via: 'cookie', sessionToken: cookie }
    }
    return { actor: ANONYMOUS, via: 'none', sessionToken: null }
  }

  /**
   * When the grant behind `auth` ends (W19): its login's expiry, and for a
   * participant its invite's, whichever comes first; null when it does not
   * end by time (the admin token).
   */
  async expiryOf(auth: Auth): Promise<string | null> {
    const times: string[] = []
    if (auth.via === 'cookie' && auth.sessionToken) {
      const login = await this.stores.logins.get(hashToken(auth.sessionToken))
      if (login) times.push(login.expiresAt)
    }
    if (auth.actor.kind === 'participant') {
      const invite = await this.stores.invites.get(auth.actor.inviteId)
      if (invite) times.push(invite.expiresAt)
    }
    return times.length > 0 ? times.sort()[0]! : null
  }

  /** The admin token, or an invite token used directly (automation, stock y-websocket clients). */
  async actorForToken(token: string): Promise<Actor> {
    if (!token || token.length > 500) return ANONYMOUS
    if (this.adminToken && safeEqual(token, this.adminToken)) return ADMIN
    const invite = await this.validInvite(token)
    if (!invite) return ANONYMOUS
    return {
      kind: 'participant',
      id: `invite-${invite.id}`,
      name: `Uitnodiging (${invite.role})`,
      organisation: '',
      role: invite.role,
      sessionId: invite.sessionId,
      inviteId: invite.id,
    }
  }

  async actorForSessionToken(token: string): Promise<Actor> {
    if (token.length > 500) return ANONYMOUS
    const login = await this.stores.logins.get(hashToken(token))
    if (!login || login.expiresAt <= this.iso()) return ANONYMOUS
    if (login.userId) {
      const user = await this.stores.users.get(login.userId)
      // U6: a deactivated account's cookie stops working at once.
      if (!user || (await this.stores.users.deactivatedAt(user.id)) !== null) return ANONYMOUS
      return this.userActor(user)
    }
    if (login.participant) {
      // A revoked or expired invite ends the sessions it opened (P13).
      const invite = await this.stores.invites.get(login.participant.inviteId)
      if (!invite || invite.revokedAt || invite.expiresAt <= this.iso()) return ANONYMOUS
      // W23: the role is the invite's as it is now, not as it was at the join.
      return { kind: 'participant', ...login.participant, role: invite.role }
    }
    return ANONYMOUS
  }

  async userActor(user: UserRecord): Promise<Actor> {
    const themagroepen = await this.stores.themagroepen.groupsOf(user.id)
    return { kind: 'user', id: user.id, email: user.email, name: user.name, role: user.role, themagroepen }
  }

  /** The CSRF token that belongs to a cookie session (P14). */
  csrfToken(sessionToken: string): string {
    return csrfTokenFor(sessionToken)
  }

  checkCsrf(auth: Auth, headerValue: string | undefined): boolean {
    if (auth.via !== 'cookie' || !auth.sessionToken) return true
    return typeof headerValue === 'string' && safeEqual(headerValue, csrfTokenFor(auth.sessionToken))
  }

  // --- accounts ---------------------------------------------------------------

  async addUser(input: { email: string; name: string; role: UserRecord['role']; password: string; themagroepen?: readonly string[] }): Promise<UserRecord | null> {
    const user: UserRecord = {
      id: newId(),
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: this.iso(),
    }
    if (!(await this.stores.users.create(user))) return null
    for (const group of input.themagroepen ?? []) {
      await this.stores.themagroepen.ensure(group, user.createdAt)
      await this.stores.themagroepen.addMember(group, user.id)
    }
    return user
  }

  /** Checks the password (same cost for an unknown email) and opens a cookie session. */
  async login(email: string, password: string): Promise<{ user: UserRecord; sessionToken: string; expiresAt: string } | null> {
    const user = await this.stores.users.getByEmail(email.trim().toLowerCase())
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()))
    if (!user || !ok) return null
    // U6: a deactivated account cannot log in (answered like a wrong password).
    if ((await this.stores.users.deactivatedAt(user.id)) !== null) return null
    return this.openLogin(user)
  }

  /** A new cookie session for an account (login, or an account link just used: U3). */
  async openLogin(user: UserRecord): Promise<{ user: UserRecord; sessionToken: string; expiresAt: string }> {
    const sessionToken = newToken()
    const now = this.now()
    const expiresAt = hoursFrom(now, USER_LOGIN_HOURS)
    await this.stores.logins.create({ tokenHash: hashToken(sessionToken), userId: user.id, participant: null, createdAt: now.toISOString(), expiresAt })
    return { user, sessionToken, expiresAt }
  }

  async logout(sessionToken: string): Promise<void> {
    await this.stores.logins.delete(hashToken(sessionToken))
  }

  // --- first-run setup ----------------------------------------------------------

  /** A one-time setup token while no account exists (printed by `npm start`); null otherwise. */
  async issueSetupToken(): Promise<string | null> {
    if ((await this.stores.users.count()) > 0) return null
    const token = newToken()
    await this.setupTokens.add(hashToken(token))
    return token
  }

  async setupPending(): Promise<boolean> {
    return (await this.setupTokens.pending()) && (await this.stores.users.count()) === 0
  }

  /** Creates the first coördinator with the setup token; the token is spent either way it succeeds. */
  async completeSetup(token: string, input: { email: string; name: string; password: string }): Promise<UserRecord | null> {
    const hash = hashToken(token)
    // One caller wins the claim (on any instance, K6); a failed creation gives the token back.
    if (!(await this.setupTokens.claim(hash))) return null
    if ((await this.stores.users.count()) > 0) return null
    const user = await this.addUser({ ...input, role: 'coordinator' })
    if (!user) await this.setupTokens.add(hash)
    return user
  }

  // --- invites ------------------------------------------------------------------

  async createInvite(sessionId: string, role: InviteRole, createdBy: Actor, expiresInHours = DEFAULT_INVITE_HOURS): Promise<{ invite: InviteRecord; token: string }> {
    const token = newToken()
    const now = this.now()
    const invite: InviteRecord = {
      id: newId(),
      tokenHash: hashToken(token),
      sessionId,
      role,
      createdBy: actorId(createdBy),
      createdAt: now.toISOString(),
      expiresAt: hoursFrom(now, expiresInHours),
      revokedAt: null,
    }
    await this.stores.invites.create(invite)
    return { invite, token }
  }

  /** The invite a token names, if it is neither expired nor revoked. */
  async validInvite(token: string): Promise<InviteRecord | null> {
    if (token.length > 500) return null
    const invite = await this.stores.invites.getByTokenHash(hashToken(token))
    if (!invite || invite.revokedAt || invite.expiresAt <= this.iso()) return null
    return invite
  }

  /** Redeems an invite: a participant identity in a new cookie session. */
  async join(token: string, name: string, organisation: string): Promise<{ participant: ParticipantIdentity; sessionToken: string; expiresAt: string } | null> {
    const invite = await this.validInvite(token)
    if (!invite) return null
    const participant: ParticipantIdentity = {
      id: newId(),
      name,
      organisation,
      role: invite.role,
      sessionId: invite.sessionId,
      inviteId: invite.id,
    }
    const sessionToken = newToken()
    await this.stores.logins.create({
      tokenHash: hashToken(sessionToken),
      userId: null,
      participant,
      createdAt: this.iso(),
      expiresAt: invite.expiresAt,
    })
    await this.participantSeen(participant)
    return { participant, sessionToken, expiresAt: invite.expiresAt }
  }

  /** U14: who keeps a record of who was there (the accounts extension) listens here. */
  onParticipantSeen(listener: ParticipantSeen): void {
    this.seenListeners.push(listener)
  }

  /** U14: a participant joined, or opened the board with their login: every listener is told, in order. */
  async participantSeen(participant: ParticipantIdentity): Promise<void> {
    const at = this.iso()
    for (const listener of this.seenListeners) await listener(participant, at)
  }

  // --- themagroepen -----------------------------------------------------------------

  /**
   * P9: after a session is created or imported: its themagroep exists, the
   * creating coördinator is a member (the first one of a new themagroep), and
   * the audit log says who did it.
   */
  async sessionCreated(
    actor: Actor,
    session: { id: string; title: string; themagroep: string },
    action: 'session.create' | 'session.import',
    founded = false,
  ): Promise<void> {
    const created = (await this.stores.themagroepen.ensure(session.themagroep, this.iso())) || founded
    if (actor.kind === 'user') await this.stores.themagroepen.addMember(session.themagroep, actor.id)
    await this.audit(actor, action, {
      sessionId: session.id,
      themagroep: session.themagroep,
      detail: `${session.title}${created ? ' (nieuwe themagroep)' : ''}`,
    })
  }

  /**
   * P9, before a new session is stored: a coördinator who is not a member of
   * its themagroep was let through because the themagroep did not exist yet.
   * Creating it is the one atomic step that decides, so that of two
   * coördinatoren naming the same new themagroep at once only one founds it:
   * 'founded' (now its first member), 'refused' (someone else created it since
   * the policy looked), or 'member' (nothing to found: a member or the admin).
   */
  async foundThemagroep(actor: Actor, themagroep: string): Promise<'founded' | 'refused' | 'member'> {
    if (actor.kind !== 'user' || isMemberOf(actor.themagroepen, themagroep)) return 'member'
    if (!(await this.stores.themagroepen.ensure(themagroep, this.iso()))) return 'refused'
    await this.stores.themagroepen.addMember(themagroep, actor.id)
    return 'founded'
  }

  // --- audit ----------------------------------------------------------------------

  async audit(actor: Actor, action: string, about: { sessionId?: string | null; themagroep?: string | null; detail?: string } = {}): Promise<void> {
    await this.stores.audit.append({
      at: this.iso(),
      actor: actorId(actor),
      actorName: actorName(actor),
      action,
      sessionId: about.sessionId ?? null,
      themagroep: about.themagroep ?? null,
      detail: about.detail ?? '',
    })
  }

  me(actor: Actor): MeResponse {
    switch (actor.kind) {
      case 'anonymous':
      case 'admin':
        return { kind: actor.kind }
      case 'user':
        return { kind: 'user', id: actor.id, email: actor.email, name: actor.name, role: actor.role, themagroepen: [...actor.themagroepen] }
      case 'participant':
        return { kind: 'participant', id: actor.id, name: actor.name, organisation: actor.organisation, role: actor.role, sessionId: actor.sessionId }
    }
  }
}
