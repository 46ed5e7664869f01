import type { Router } from 'express'
import { createInviteBodySchema, type CreateInviteResponse } from '../../../shared/access'
import type { AccessContext } from '../AccessContext'
import { callerOf } from '../authState'
import { parseBody } from '../../core/http/errors'
import { findSession } from '../findSession'
import { publicOrigin } from '../publicOrigin'

/** POST /api/sessions/:id/invites {role, expiresInHours?} → 201 {id, token, url, role, expiresAt} (P10). */
export function createInviteRoute(router: Router, ctx: AccessContext): void {
  router.post('/sessions/:id/invites', ctx.authorize('invite:create'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const body = parseBody(createInviteBodySchema, req)
    const actor = callerOf(res)
    const { invite, token } = await ctx.access.createInvite(session.id, body.role, actor, body.expiresInHours)
    await ctx.access.audit(actor, 'invite.create', {
      sessionId: session.id,
      themagroep: session.themagroep,
      detail: `${invite.role}, geldig tot ${invite.expiresAt} (uitnodiging ${invite.id})`,
    })
    const response: CreateInviteResponse = {
      id: invite.id,
      token,
      url: `${publicOrigin(req, ctx.publicUrl)}/join/${token}`,
      role: invite.role,
      expiresAt: invite.expiresAt,
    }
    res.status(201).json(response)
  })
}
