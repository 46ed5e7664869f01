import type { Router } from 'express'
import { CloseCode } from '../../../shared/closeCodes'
import type { AccessContext } from '../AccessContext'
import { callerOf } from '../authState'
import { findSession } from '../findSession'
import { closeInviteSockets, findInvite } from '../inviteSockets'

/** DELETE /api/sessions/:id/invites/:inviteId → 204; the link and every session opened with it stop working (P10). */
export function revokeInviteRoute(router: Router, ctx: AccessContext): void {
  router.delete('/sessions/:id/invites/:inviteId', ctx.authorize('invite:revoke'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const invite = await findInvite(ctx, session.id, String(req.params.inviteId))
    await ctx.access.stores.invites.revoke(invite.id, new Date().toISOString())
    // The invite's open boards end too, not only its cookie sessions (P10).
    closeInviteSockets(ctx, invite, CloseCode.Unauthorized)
    await ctx.access.audit(callerOf(res), 'invite.revoke', {
      sessionId: session.id,
      themagroep: session.themagroep,
      detail: `${invite.role} (uitnodiging ${invite.id})`,
    })
    res.status(204).end()
  })
}
