import type { Router } from 'express'
import { CloseCode } from '../../../shared/closeCodes'
import type { AccessContext } from '../AccessContext'
import { isActor } from '../Actor'
import { callerOf } from '../authState'
import { HttpError } from '../../core/http/errors'
import { findSession } from '../findSession'

/** DELETE /api/sessions/:id/invites/:inviteId → 204; the link and every session opened with it stop working (P10). */
export function revokeInviteRoute(router: Router, ctx: AccessContext): void {
  router.delete('/sessions/:id/invites/:inviteId', ctx.authorize('invite:revoke'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const invite = await ctx.access.stores.invites.get(String(req.params.inviteId))
    if (!invite || invite.sessionId !== session.id) {
      throw new HttpError(404, 'invite_not_found', 'Deze uitnodiging bestaat niet (invite not found)')
    }
    await ctx.access.stores.invites.revoke(invite.id, new Date().toISOString())
    // The invite's open boards end too, not only its cookie sessions (P10): a
    // socket is authenticated once, at the upgrade.
    ctx.rooms.closeGrants(
      ({ actor }) => isActor(actor) && actor.kind === 'participant' && actor.inviteId === invite.id,
      CloseCode.Unauthorized,
      'Unauthorized',
      session.id,
    )
    await ctx.access.audit(callerOf(res), 'invite.revoke', {
      sessionId: session.id,
      themagroep: session.themagroep,
      detail: `${invite.role} (uitnodiging ${invite.id})`,
    })
    res.status(204).end()
  })
}
