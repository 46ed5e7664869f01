import type { Router } from 'express'
import { findSession } from '../sessions/findSession'
import type { RouteContext } from './context'

/** GET /api/sessions/:id → the session's summary. */
export function getSessionRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions/:id', ctx.authorize('session:read'), async (req, res) => {
    res.json(await findSession(ctx.storage.sessions, req.params.id))
  })
}
