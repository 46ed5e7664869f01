import type { Router } from 'express'
import { setupBodySchema } from '../../../shared/access'
import type { AccessContext } from '../AccessContext'
import { requireJson } from '../requireJson'
import { setSessionCookies } from '../sessionCookies'
import { HttpError, parseBody } from '../../core/http/errors'

/**
 * POST /api/auth/setup {token, email, name, password} → 201: creates the first
 * themacoördinator with the one-time token printed at start-up, and logs in
 * (P13); a common or trivial password is 400 weak_password (P24).
 */
export function setupRoute(router: Router, ctx: AccessContext): void {
  router.post('/auth/setup', ctx.attempts.setup.guard, ctx.authorize('auth:public'), requireJson, async (req, res) => {
    const body = parseBody(setupBodySchema, req)
    // P24: checked before the one-time token is spent. zxcvbn and its dictionaries load on first use (X14).
    const { isStrongPassword, WEAK_PASSWORD_MESSAGE } = await import('../passwordPolicy')
    if (!isStrongPassword(body.password, [body.email, body.name])) throw new HttpError(400, 'weak_password', WEAK_PASSWORD_MESSAGE)
    const user = await ctx.access.completeSetup(body.token, body)
    if (!user) throw new HttpError(403, 'setup_closed', 'Deze installatielink is ongeldig of al gebruikt (setup link invalid or used)')
    const actor = await ctx.access.userActor(user)
    await ctx.access.audit(actor, 'setup', { detail: `eerste themacoördinator ${user.email}` })
    const login = await ctx.access.login(body.email, body.password)
    if (!login) throw new HttpError(500, 'internal_error', 'Inloggen na installatie mislukt')
    const csrfToken = setSessionCookies(req, res, login.sessionToken, login.expiresAt)
    res.status(201).json({ me: ctx.access.me(actor), csrfToken })
  })
}
