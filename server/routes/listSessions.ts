import type { Router } from 'express'
import { canSeeSession } from '../access/policy'
import { actorOf } from '../auth/authorize'
import type { RouteContext } from './context'

/** GET /api/sessions → the sessions the caller sees (P4), newest first. */
export function listSessionsRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions', ctx.authorize('session:list'), async (req, res) => {
    const actor = actorOf(req, res)
    res.json((await ctx.storage.sessions.list()).filter((session) => canSeeSession(actor, session)))
  })
}
