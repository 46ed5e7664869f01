import type { Router } from 'express'
import type { AccessContext } from '../AccessContext'
import { HttpError } from '../../core/http/errors'

/** GET /api/join/:token → {sessionId, title, themagroep, role} of a valid invite, for the join page (P1). */
export function joinInfoRoute(router: Router, ctx: AccessContext): void {
  router.get('/join/:token', ctx.attempts.join.guard, ctx.authorize('auth:public'), async (req, res) => {
    const invite = await ctx.access.validInvite(String(req.params.token))
    const session = invite ? await ctx.storage.sessions.get(invite.sessionId) : null
    if (!invite || !session) {
      throw new HttpError(404, 'invite_invalid', 'Deze uitnodiging is ongeldig, verlopen of ingetrokken (invite invalid)')
    }
    res.json({ sessionId: session.id, title: session.title, themagroep: session.themagroep, role: invite.role, expiresAt: invite.expiresAt })
  })
}
