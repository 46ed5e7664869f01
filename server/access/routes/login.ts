import type { Router } from 'express'
import { loginBodySchema } from '../../../shared/access'
import type { AccessContext } from '../AccessContext'
import { setSessionCookies } from '../sessionCookies'
import { requireJson } from '../requireJson'
import { HttpError, parseBody } from '../../core/http/errors'

/** POST /api/auth/login {email, password} → 200 {me, csrfToken} and the session cookies (P13, P16). */
export function loginRoute(router: Router, ctx: AccessContext): void {
  router.post('/auth/login', ctx.attempts.login.guard, ctx.authorize('auth:public'), requireJson, async (req, res) => {
    const body = parseBody(loginBodySchema, req)
    const result = await ctx.access.login(body.email, body.password)
    if (!result) {
      await ctx.access.stores.audit.append({
        at: new Date().toISOString(),
        actor: body.email,
        actorName: body.email,
        action: 'login.failed',
        sessionId: null,
        themagroep: null,
        detail: '',
      })
      throw new HttpError(401, 'invalid_credentials', 'E-mailadres of wachtwoord klopt niet (invalid credentials)')
    }
    const actor = await ctx.access.userActor(result.user)
    await ctx.access.audit(actor, 'login')
    const csrfToken = setSessionCookies(req, res, result.sessionToken, result.expiresAt)
    res.json({ me: ctx.access.me(actor), csrfToken })
  })
}
