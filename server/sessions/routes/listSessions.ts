import type { Router } from 'express'
import { canSeeSession } from '../../access/policy'
import { actorOf } from '../../access/authorize'
import type { SessionsContext } from '../SessionsContext'

/** GET /api/sessions → the sessions the caller sees (P4), newest first. */
export function listSessionsRoute(router: Router, ctx: SessionsContext): void {
  router.get('/sessions', ctx.authorize('session:list'), async (req, res) => {
    const actor = actorOf(req, res)
    res.json((await ctx.storage.sessions.list()).filter((session) => canSeeSession(actor, session)))
  })
}
