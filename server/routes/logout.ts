import type { Router } from 'express'
import type { AccessContext } from '../access/AccessContext'
import { clearSessionCookies } from '../access/sessionCookies'
import { authOf, callerOf } from '../access/authState'
import { hashToken } from '../access/tokens'
import { closeGrantSockets } from '../integrity/closeGrantSockets'

/** POST /api/auth/logout → 204; ends the cookie session (P13; CSRF-checked like every cookie POST, P14). */
export function logoutRoute(router: Router, ctx: AccessContext): void {
  router.post('/auth/logout', ctx.authorize('auth:public'), async (req, res) => {
    const auth = authOf(res)
    if (auth?.sessionToken) {
      await ctx.access.logout(auth.sessionToken)
      // W18: the boards this login opened close too.
      const loginKey = hashToken(auth.sessionToken)
      closeGrantSockets(ctx.rooms, (grant) => grant.loginKey === loginKey, ctx.log, 'logout')
      await ctx.access.audit(callerOf(res), 'logout')
    }
    clearSessionCookies(req, res)
    res.status(204).end()
  })
}
