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
import type { Actor } from './Actor'
import { authenticateConnection } from './authenticateConnection'
import { createAuthorize, type Authorize } from './authorize'
import type { SessionLookup } from './findSession'
import { loginLimiter } from './loginLimiter'
import { ownAwarenessEntries } from './ownAwarenessEntries'
import { rootsOfUpdate } from './rootsOfUpdate'
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
import { setupRoute } from './routes/setup'
import { securityHeaders } from './securityHeaders'

export interface AccessExtensionOptions {
  backend: Backend
  /** The session index (server/sessions/): which themagroep a session is in decides access. */
  sessions: SessionLookup
  adminToken?: string | undefined
  /** P16: failed login/setup/join attempts per address per 15 minutes (default 10). */
  loginAttempts?: number
  /** PUBLIC_URL: its host is trusted by the websocket origin check (P14) and names join links. */
  publicUrl?: string | null | undefined
}

export interface AccessExtension extends Extension {
  readonly access: AccessService
  /** The middleware every route of every feature goes through: `authorize('<action>')`. */
  readonly authorize: Authorize
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
  auditLogRoute,
  listThemagroepenRoute,
  addThemagroepMemberRoute,
]

/** Whether an update touches a protected root (null: some part could not be placed, so it might). */
function touchesAny(roots: Set<string> | null, protectedRoots: readonly string[]): boolean {
  return roots === null || [...roots].some((root) => protectedRoots.includes(root))
}

export function accessExtension(opts: AccessExtensionOptions): AccessExtension {
  const access = new AccessService({ stores: opts.backend.stores(ACCESS_STORES), adminToken: opts.adminToken })
  const authorize = createAuthorize(access, opts.sessions)
  const publicUrl = opts.publicUrl ?? null
  /** P8: root types of the Y.Doc a connection's updates may not touch. */
  const protectedRoots = new WeakMap<Grant, readonly string[]>()
  let core: CoreContext | null = null

  return {
    name: 'access',
    access,
    authorize,
    middleware: [securityHeaders()],
    configure(context) {
      core = context
    },
    routes(router) {
      if (!core) throw new Error('access: routes before configure')
      const ctx: AccessContext = {
        ...core,
        storage: { sessions: opts.sessions },
        access,
        authorize,
        publicUrl,
        attemptLimiter: loginLimiter(opts.loginAttempts ?? 10),
      }
      for (const route of ACCESS_ROUTES) route(router, ctx)
    },
    async authenticateConnection(req, sessionId) {
      const decision = await authenticateConnection(access, opts.sessions, req, sessionId, publicUrl)
      if (!decision.ok) return { code: decision.code, reason: decision.reason }
      const grant: Grant & { actor: Actor } = { actor: decision.actor, readOnly: decision.readOnly, unlimited: decision.actor.kind === 'admin' }
      if (decision.protectedRoots) protectedRoots.set(grant, decision.protectedRoots)
      return grant
    },
    filterUpdate({ room, decoded, grant }) {
      const roots = protectedRoots.get(grant)
      // Refused whole and said so: a later update of this client would depend on it (P8).
      if (roots && touchesAny(rootsOfUpdate(room.doc, decoded), roots)) return { close: CloseCode.Forbidden, reason: 'Forbidden' }
      return 'accept'
    },
    filterAwareness({ room, update, connection }) {
      return ownAwarenessEntries(update, (id) => room.isForeignAwareness(id, connection))
    },
  }
}

