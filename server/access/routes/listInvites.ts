import type { Router } from 'express'
import type { InviteSummary } from '../../../shared/access'
import type { AccessContext } from '../AccessContext'
import { findSession } from '../findSession'

/** GET /api/sessions/:id/invites → the session's invites without their tokens (P10). */
export function listInvitesRoute(router: Router, ctx: AccessContext): void {
  router.get('/sessions/:id/invites', ctx.authorize('invite:list'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const invites = await ctx.access.stores.invites.listForSession(session.id)
    const list: InviteSummary[] = invites.map(({ tokenHash: _hash, ...rest }) => rest)
    res.json(list)
  })
}
