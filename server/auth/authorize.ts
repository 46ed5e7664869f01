/**
 * The one authorization middleware every route goes through:
 * `authorize('session:create')`. It resolves the actor (res.locals.actor) and
 * asks the policy whether the actor may perform the action, on the route's
 * `:id` session when there is one. The policy itself is an AuthHooks object.
 */
import type { Request, RequestHandler, Response } from 'express'
import { HttpError } from '../http/errors'
import type { Action, Actor, AuthHooks } from './types'

export type Authorize = (action: Action) => RequestHandler

export function createAuthorize(auth: AuthHooks): Authorize {
  return (action) => async (req, res, next) => {
    const actor = await auth.resolveActor(req)
    res.locals.actor = actor
    const sessionId = typeof req.params.id === 'string' ? req.params.id : null
    if (!(await auth.can(actor, action, sessionId))) {
      throw actor.kind === 'anonymous'
        ? new HttpError(401, 'unauthorized', 'Log in of gebruik een uitnodigingslink (authentication required)')
        : new HttpError(403, 'forbidden', `Geen toegang voor ${action} (forbidden)`)
    }
    next()
  }
}

/** The actor that authorize() resolved for this request. */
export function actorOf(_req: Request, res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined
  if (!actor) throw new Error('route without authorize()')
  return actor
}
