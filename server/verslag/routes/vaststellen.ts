import type { Router } from 'express'
import { actorOf } from '../../access/authorize'
import { findSession } from '../../access/findSession'
import { vaststelVerslag } from '../versions/vaststelVerslag'
import type { VerslagContext } from '../VerslagContext'

/**
 * POST /api/sessions/:id/vaststellen → 201 the new version (SPEC V15). The
 * authorize middleware writes the audit entry "verslag.vaststellen" (P18).
 */
export function vaststellenRoute(router: Router, ctx: VerslagContext): void {
  router.post('/sessions/:id/vaststellen', ctx.authorize('verslag:vaststellen'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const version = await vaststelVerslag(ctx, session, actorOf(req, res))
    res.status(201).json(version)
  })
}
