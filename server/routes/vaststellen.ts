import type { Router } from 'express'
import { actorOf } from '../auth/authorize'
import { findSession } from '../sessions/findSession'
import { vaststelVerslag } from '../verslag/versions/vaststelVerslag'
import type { RouteContext } from './context'

/**
 * POST /api/sessions/:id/vaststellen → 201 the new version (SPEC V15). The
 * authorize middleware writes the audit entry "verslag.vaststellen" (P18).
 */
export function vaststellenRoute(router: Router, ctx: RouteContext): void {
  router.post('/sessions/:id/vaststellen', ctx.authorize('verslag:vaststellen'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const version = await vaststelVerslag(ctx, session, actorOf(req, res))
    res.status(201).json(version)
  })
}
