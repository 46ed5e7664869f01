import type { Router } from 'express'
import { joinBodySchema } from '../../../shared/access'
import type { AccessContext } from '../AccessContext'
import { requireJson } from '../requireJson'
import { setSessionCookies } from '../sessionCookies'
import { HttpError, parseBody } from '../../core/http/errors'

/**
 * POST /api/join {token, name, organisation} → 201 {me, csrfToken}: redeems an
 * invite into a participant identity in a cookie session (P10, P13).
 */
export function joinRoute(router: Router, ctx: AccessContext): void {
  router.post('/join', ctx.attempts.join.guard, ctx.authorize('auth:public'), requireJson, async (req, res) => {
    const body = parseBody(joinBodySchema, req)
    const joined = await ctx.access.join(body.token, body.name, body.organisation)
    if (!joined) throw new HttpError(404, 'invite_invalid', 'Deze uitnodiging is ongeldig, verlopen of ingetrokken (invite invalid)')
    const session = await ctx.storage.sessions.get(joined.participant.sessionId)
    const actor = { kind: 'participant' as const, ...joined.participant }
    await ctx.access.audit(actor, 'join', { sessionId: actor.sessionId, themagroep: session?.themagroep ?? null })
    const csrfToken = setSessionCookies(req, res, joined.sessionToken, joined.expiresAt)
    res.status(201).json({ me: ctx.access.me(actor), csrfToken })
  })
}
