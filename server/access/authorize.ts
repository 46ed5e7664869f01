/**
 * The one authorization middleware every route goes through
 * (`ctx.authorize('session:create')`): resolves the
 * caller, checks CSRF for cookie requests (P14), finds the resource the
 * action is about (the route's `:id` session, `:name` themagroep, or the
 * themagroep a new session names) and asks the pure policy `can` (P1–P12).
 */
import { normalizeThemagroepName } from '../../shared/themagroepName'
import type { Request, RequestHandler, Response } from 'express'
import { CSRF_HEADER } from '../../shared/access'
import { HttpError, sessionNotFound } from '../core/http/errors'
import type { AccessService } from './AccessService'
import type { Actor } from './Actor'
import { authOf } from './authState'
import type { SessionLookup } from './findSession'
import { can, type Action, type Resource } from './policy'

export type Authorize = (action: Action) => RequestHandler

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Actions the middleware writes to the audit log itself (P18); routes audit the rest where they know more. */
const AUDITED: Partial<Record<Action, string>> = {
  'verslag:read': 'verslag.export',
  'verslag:export': 'verslag.export',
  'verslag:vaststellen': 'verslag.vaststellen',
  'regelruimte:update': 'regelruimte.status',
  'session:update': 'session.update',
}

async function resourceOf(req: Request, action: Action, access: AccessService, sessions: SessionLookup): Promise<Resource> {
  const id = req.params.id
  if (typeof id === 'string') {
    const session = await sessions.get(id)
    if (!session) throw sessionNotFound(id)
    return { sessionId: session.id, themagroep: session.themagroep }
  }
  const userId = req.params.userId
  if (typeof userId === 'string' && action === 'account:manage') {
    // U5–U8: the account's themagroepen decide; an unknown account has none (403, never a hint that it exists).
    return { accountThemagroepen: await access.stores.themagroepen.groupsOf(userId) }
  }
  if (action === 'account:invite') {
    const body: unknown = req.body
    const groups = typeof body === 'object' && body !== null && 'themagroepen' in body && Array.isArray(body.themagroepen) ? body.themagroepen : []
    return { accountThemagroepen: groups.filter((g): g is string => typeof g === 'string') }
  }
  const name = req.params.name
  if (typeof name === 'string' && (action.startsWith('themagroep:') || action.startsWith('actielijst:'))) return { themagroep: name }
  if (action === 'session:create') {
    const body: unknown = req.body
    const themagroep = typeof body === 'object' && body !== null && 'themagroep' in body ? body.themagroep : undefined
    // An invalid body is the route's 400; the policy then sees no themagroep yet.
    if (typeof themagroep === 'string' && themagroep.trim()) {
      // P26: an existing themagroep under another spelling is that themagroep.
      const existing = await access.stores.themagroepen.canonical(themagroep)
      return { themagroep: existing ?? normalizeThemagroepName(themagroep), themagroepExists: existing !== null }
    }
  }
  return {}
}

/**
 * The action each authorize() middleware checks, so the authorization matrix
 * (test/integration/access.matrix.test.ts) reads every route's action from the
 * running app instead of a list kept by hand.
 */
const actionOfHandler = new WeakMap<RequestHandler, Action>()

/** The action `handler` authorizes, when it is an authorize() middleware. */
export function authorizedAction(handler: unknown): Action | undefined {
  return typeof handler === 'function' ? actionOfHandler.get(handler as RequestHandler) : undefined
}

export function createAuthorize(access: AccessService, sessions: SessionLookup): Authorize {
  return (action) => {
    const middleware = authorizeMiddleware(action, access, sessions)
    actionOfHandler.set(middleware, action)
    return middleware
  }
}

function authorizeMiddleware(action: Action, access: AccessService, sessions: SessionLookup): RequestHandler {
  return async (req, res, next) => {
    const auth = await access.resolve(req)
    res.locals.auth = auth
    res.locals.actor = auth.actor
    if (!SAFE_METHODS.has(req.method) && !access.checkCsrf(auth, req.get(CSRF_HEADER))) {
      throw new HttpError(403, 'csrf', 'Ontbrekend of ongeldig CSRF-token (missing or invalid X-Brownpaper-CSRF header)')
    }
    if (auth.actor.kind === 'anonymous' && !can(auth.actor, action).allow) {
      throw new HttpError(401, 'unauthorized', 'Log in of gebruik een uitnodigingslink (authentication required)')
    }
    const resource = await resourceOf(req, action, access, sessions)
    res.locals.resource = resource
    const decision = can(auth.actor, action, resource)
    if (!decision.allow) {
      throw decision.status === 401
        ? new HttpError(401, 'unauthorized', decision.reason)
        : new HttpError(403, 'forbidden', `${decision.reason} [${decision.rule}]`)
    }
    // Reading versions or a preview is no export; downloading a file (verslag.json, …) is.
    // G9: the live preview asks for verslag.json with ?preview=1: read, not exported.
    const preview = action === 'verslag:read' && req.query.preview === '1'
    const audited = action === 'verslag:read' && (preview || !/\.[a-z0-9]+$/i.test(req.path)) ? undefined : AUDITED[action]
    if (audited) {
      // P18: recorded once the route answered with success, so a refused or failed attempt is not logged as done.
      res.on('finish', () => {
        if (res.statusCode >= 400) return
        const resource = res.locals.resource as Resource | undefined
        void access
          .audit(auth.actor, audited, { sessionId: resource?.sessionId ?? null, themagroep: resource?.themagroep ?? null, detail: `${req.method} ${req.originalUrl.split('?')[0]}` })
          .catch(() => undefined)
      })
    }
    next()
  }
}

/** The actor that authorize() resolved for this request. */
export function actorOf(_req: Request, res: Response): Actor {
  const auth = authOf(res)
  if (!auth) throw new Error('route without authorize()')
  return auth.actor
}
