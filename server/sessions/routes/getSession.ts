import type { Router } from 'express'
import { findSession } from '../../access/findSession'
import type { SessionsContext } from '../SessionsContext'

/** GET /api/sessions/:id → the session's summary. */
export function getSessionRoute(router: Router, ctx: SessionsContext): void {
  router.get('/sessions/:id', ctx.authorize('session:read'), async (req, res) => {
    res.json(await findSession(ctx.storage.sessions, req.params.id))
  })
}
