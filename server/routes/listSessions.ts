import type { Router } from 'express'
import type { RouteContext } from './context'

/** GET /api/sessions → all sessions, newest first. */
export function listSessionsRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions', ctx.authorize('session:list'), async (_req, res) => {
    res.json(await ctx.storage.sessions.list())
  })
}
