import type { Router } from 'express'
import type { AccessContext } from '../AccessContext'
import { clearSessionCookies } from '../sessionCookies'
import { authOf, callerOf } from '../authState'

/** POST /api/auth/logout → 204; ends the cookie session (P13; CSRF-checked like every cookie POST, P14). */
export function logoutRoute(router: Router, ctx: AccessContext): void {
  router.post('/auth/logout', ctx.authorize('auth:public'), async (req, res) => {
    const auth = authOf(res)
    if (auth?.sessionToken) {
      await ctx.access.logout(auth.sessionToken)
      await ctx.access.audit(callerOf(res), 'logout')
    }
    clearSessionCookies(req, res)
    res.status(204).end()
  })
}
