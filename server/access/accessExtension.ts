/**
 * Everything access control adds to the core, as one extension: the
 * service, the authorization middleware that routes of every feature use,
 * the websocket hook (P2–P6, P14), the write rule on protected roots (P8),
 * presence that speaks only for itself (P20), the routes and the security
 * headers. server/app.ts composes it.
 */
import type { Router } from 'express'
import { CloseCode } from '../../shared/closeCodes'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Grant } from '../core/Grant'
import type { Backend } from '../core/storage/Backend'
import type { AccessContext } from './AccessContext'
import { AccessService } from './AccessService'
import { ACCESS_STORES } from './accessStoreDefinition'
import { isActor, type Actor } from './Actor'
import { authenticateConnection } from './authenticateConnection'
import { createAuthorize, type Authorize } from './authorize'
import type { SessionLookup } from './findSession'
import { attemptLimiters, DEFAULT_ATTEMPT_LIMITS, MemoryAttemptCounter, type AttemptCounter, type AttemptLimiters, type AttemptLimitSettings } from './attemptLimits'
import { ownAwarenessEntries } from './ownAwarenessEntries'
import { refusalAuditor } from '../integrity/auditRefusals'
import { DEFAULT_LIMITS, type BoardLimits } from '../integrity/limits'
import { isAcceptablePresenceState, stampPresenceState, type PresenceIdentity } from '../integrity/presenceState'
import { createWriteFilter } from '../integrity/writeFilter'
import { silentLogger } from '../core/log'
import { addThemagroepMemberRoute } from './routes/addThemagroepMember'
import { auditLogRoute } from './routes/auditLog'
import { createInviteRoute } from './routes/createInvite'
import { joinRoute } from './routes/join'
import { joinInfoRoute } from './routes/joinInfo'
import { listInvitesRoute } from './routes/listInvites'
import { listThemagroepenRoute } from './routes/listThemagroepen'
import { loginRoute } from './routes/login'
import { logoutRoute } from './routes/logout'
import { meRoute } from './routes/me'
import { revokeInviteRoute } from './routes/revokeInvite'
import { changeInviteRoleRoute } from './routes/changeInviteRole'
import { setupRoute } from './routes/setup'
import { securityHeaders } from './securityHeaders'
import type { SetupTokens } from './SetupTokens'

export interface AccessExtensionOptions {
  backend: Backend
  /** The session index (server/sessions/): which themagroep a session is in decides access. */
  sessions: SessionLookup
  adminToken?: string | undefined
  /**
   * P16: scales every attempt budget: failed logins per account per 15
   * minutes (default 10); per address ten times that for login and join,
   * once that for setup. Tests pass a large number to switch limits off.
   */
  loginAttempts?: number
  /** P16, P22: the budgets themselves (overrides `loginAttempts`). */
  attemptLimits?: AttemptLimitSettings
  /** PUBLIC_URL: its host is trusted by the websocket origin check (P14) and names join links. */
  publicUrl?: string | null | undefined
  /** L1–L5: limits of a board; each field defaults to DEFAULT_LIMITS. */
  limits?: Partial<BoardLimits> | undefined
  /** K6: the setup tokens, shared with the other instances (Redis); in memory otherwise. */
  setupTokens?: SetupTokens | undefined
  /** K8: where failed attempts are counted, shared with the other instances (Redis); in memory otherwise. */
  attemptCounter?: AttemptCounter | undefined
}

export interface AccessExtension extends Extension {
  readonly access: AccessService
  /** The middleware every route of every feature goes through: `authorize('<action>')`. */
  readonly authorize: Authorize
  /** P16, P22: the failure budgets, shared with routes of other features that try a token or password (U3, U9). */
  readonly attempts: AttemptLimiters
  /** Where failures are counted (K8): other features' limiters (short links, M7) count there too. */
  readonly attemptCounter: AttemptCounter
}

const ACCESS_ROUTES: ((router: Router, ctx: AccessContext) => void)[] = [
  loginRoute,
  logoutRoute,
  meRoute,
  setupRoute,
  joinInfoRoute,
  joinRoute,
  createInviteRoute,
  listInvitesRoute,
  revokeInviteRoute,
  changeInviteRoleRoute,
  auditLogRoute,
  listThemagroepenRoute,
  addThemagroepMemberRoute,
]

export function accessExtension(opts: AccessExtensionOptions): AccessExtension {
  const access = new AccessService({ stores: opts.backend.stores(ACCESS_STORES), adminToken: opts.adminToken, setupTokens: opts.setupTokens })
  const authorize = createAuthorize(access, opts.sessions)
  const publicUrl = opts.publicUrl ?? null
  let core: CoreContext | null = null
  const n = opts.loginAttempts
  const attemptCounter = opts.attemptCounter ?? new MemoryAttemptCounter()
  const attempts = attemptLimiters(
    opts.attemptLimits ??
      (n === undefined
        ? DEFAULT_ATTEMPT_LIMITS
        : {
            windowMs: DEFAULT_ATTEMPT_LIMITS.windowMs,
            login: { perAccount: n, perAddress: n * 10 },
            setup: { perAccount: 0, perAddress: n },
            join: { perAccount: 0, perAddress: n * 10 },
          }),
    attemptCounter,
  )
  const log = () => core?.log ?? silentLogger
  const auditRefusal = refusalAuditor((actor, action, about) => access.audit(actor, action, about), opts.sessions, log)
  // W1: the write rules and limits, record by record, on every update of a connection.
  const writeFilter = createWriteFilter({ limits: { ...DEFAULT_LIMITS, ...opts.limits }, log, onRefused: auditRefusal })

  return {
    name: 'access',
    access,
    authorize,
    attempts,
    attemptCounter,
    middleware: [securityHeaders()],
    configure(context) {
      core = context
      // P26: themagroepen made before names were compared normalised become one (the oldest spelling stays).
      void access.stores.themagroepen.mergeDuplicates().then(
        (merged) => {
          for (const { kept, merged: names } of merged) context.log.warn({ kept, merged: names }, 'merged themagroepen whose names differ only in case, spaces or Unicode form')
        },
        (err: unknown) => context.log.error({ err }, 'could not merge duplicate themagroepen'),
      )
    },
    routes(router) {
      if (!core) throw new Error('access: routes before configure')
      const ctx: AccessContext = {
        ...core,
        storage: { sessions: opts.sessions },
        access,
        authorize,
        publicUrl,
        attempts,
      }
      for (const route of ACCESS_ROUTES) route(router, ctx)
    },
    async authenticateConnection(req, sessionId) {
      const decision = await authenticateConnection(access, opts.sessions, req, sessionId, publicUrl)
      if (!decision.ok) return { code: decision.code, reason: decision.reason }
      // U14: a participant opening the board with their login was there now (an invite token used directly is no person).
      if (decision.actor.kind === 'participant' && decision.credential) {
        const { kind: _kind, ...participant } = decision.actor
        await access.participantSeen(participant).catch((err: unknown) => log().error({ err, room: sessionId }, 'could not record who was there'))
      }
      const grant: Grant & { actor: Actor } = {
        actor: decision.actor,
        readOnly: decision.readOnly,
        unlimited: decision.actor.kind === 'admin',
        ...(decision.expiresAt ? { expiresAt: decision.expiresAt } : {}),
        ...(decision.credential ? { credential: decision.credential } : {}),
      }
      return grant
    },
    filterUpdate: writeFilter,
    filterAwareness({ room, update, connection, grant }) {
      // P20: only its own presence; L8: a state that is too large or malformed is dropped;
      // W22: what is kept carries the grant's name, not the one the client claims.
      const identity = isActor(grant.actor) ? presenceIdentityOf(grant.actor) : null
      return ownAwarenessEntries(
        update,
        (id) => room.isForeignAwareness(id, connection),
        isAcceptablePresenceState,
        identity ? (state) => stampPresenceState(state, identity) : undefined,
      )
    },
  }
}


/**
 * W22: the name a connection's presence shows. Accounts and participants are
 * named by the server (an invite token used directly is "Uitnodiging
 * (deelnemer)"); the admin token is automation and names itself.
 */
export function presenceIdentityOf(actor: Actor): PresenceIdentity | null {
  switch (actor.kind) {
    case 'user':
      return { name: actor.name || actor.email }
    case 'participant':
      return { name: actor.name, organisation: actor.organisation }
    default:
      return null
  }
}
