import type { Router } from 'express'
import { changeInviteRoleBodySchema, type InviteSummary } from '../../../shared/access'
import { CloseCode } from '../../../shared/closeCodes'
import type { AccessContext } from '../AccessContext'
import { callerOf } from '../authState'
import { HttpError, parseBody } from '../../core/http/errors'
import { findSession } from '../findSession'
import { closeInviteSockets, findInvite } from '../inviteSockets'

/**
 * PATCH /api/sessions/:id/invites/:inviteId {role} → 200 the invite (W23).
 * Everyone who joined with it has the new role at once: their open boards
 * are closed with `RoleChanged` and come back with it (a deelnemer turned
 * waarnemer can no longer write, also not through a socket opened before).
 */
export function changeInviteRoleRoute(router: Router, ctx: AccessContext): void {
  router.patch('/sessions/:id/invites/:inviteId', ctx.authorize('invite:changeRole'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const body = parseBody(changeInviteRoleBodySchema, req)
    const invite = await findInvite(ctx, session.id, String(req.params.inviteId))
    if (invite.revokedAt || !(await ctx.access.stores.invites.setRole(invite.id, body.role))) {
      throw new HttpError(409, 'invite_revoked', 'Deze uitnodiging is ingetrokken; maak een nieuwe.')
    }
    if (invite.role !== body.role) {
      closeInviteSockets(ctx, invite, CloseCode.RoleChanged)
      await ctx.access.audit(callerOf(res), 'invite.role', {
        sessionId: session.id,
        themagroep: session.themagroep,
        detail: `${invite.role} → ${body.role} (uitnodiging ${invite.id})`,
      })
    }
    const { tokenHash: _hash, ...summary } = { ...invite, role: body.role }
    res.json(summary satisfies InviteSummary)
  })
}
