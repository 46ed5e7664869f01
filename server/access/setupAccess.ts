/**
 * Everything access control adds to the server core, in one place: the
 * service, the authorization middleware, the websocket hook, the routes and
 * the security headers. app.ts calls this once.
 */
import type { RequestHandler } from 'express'
import type { RouteModule } from '../app'
import { createAuthorize, type Authorize } from '../auth/authorize'
import type { AuthHooks } from '../auth/types'
import { addThemagroepMemberRoute } from '../routes/addThemagroepMember'
import { auditLogRoute } from '../routes/auditLog'
import { createInviteRoute } from '../routes/createInvite'
import { joinRoute } from '../routes/join'
import { joinInfoRoute } from '../routes/joinInfo'
import { listInvitesRoute } from '../routes/listInvites'
import { listThemagroepenRoute } from '../routes/listThemagroepen'
import { loginRoute } from '../routes/login'
import { logoutRoute } from '../routes/logout'
import { meRoute } from '../routes/me'
import { revokeInviteRoute } from '../routes/revokeInvite'
import { setupRoute } from '../routes/setup'
import type { Storage } from '../storage/Storage'
import type { AccessContext } from './AccessContext'
import { AccessService } from './AccessService'
import { accessAuthHooks } from './accessAuthHooks'
import type { Store } from 'express-rate-limit'
import { loginLimiter } from './loginLimiter'
import type { SetupTokens } from './SetupTokens'
import { securityHeaders } from './securityHeaders'

export interface AccessSetupOptions {
  adminToken?: string | undefined
  /** P16: failed login/setup/join attempts per address per 15 minutes (default 10). */
  loginAttempts?: number
  /** PUBLIC_URL: its host is trusted by the websocket origin check (P14). */
  publicUrl?: string | null | undefined
  /** K6: setup tokens and rate-limit counters shared with the other instances. */
  shared?: { setupTokens: SetupTokens; rateLimitStore: (name: string) => Store }
}

export interface AccessSetup {
  access: AccessService
  authorize: Authorize
  auth: AuthHooks
  routes: RouteModule[]
  headers: RequestHandler
}

const ACCESS_ROUTES: ((router: import('express').Router, ctx: AccessContext) => void)[] = [
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

export function setupAccess(storage: Storage, opts: AccessSetupOptions): AccessSetup {
  const access = new AccessService({ stores: storage, adminToken: opts.adminToken, setupTokens: opts.shared?.setupTokens })
  const attemptLimiter = loginLimiter(opts.loginAttempts ?? 10, undefined, opts.shared?.rateLimitStore('attempts'))
  return {
    access,
    authorize: createAuthorize(access, storage.sessions),
    auth: accessAuthHooks(access, storage.sessions, opts.publicUrl ?? null),
    routes: ACCESS_ROUTES.map((route) => (router, ctx) => route(router, { ...ctx, attemptLimiter })),
    headers: securityHeaders(),
  }
}
