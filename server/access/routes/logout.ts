import type { Router } from 'express'
import type { AccessContext } from '../AccessContext'
import { clearSessionCookies } from '../sessionCookies'
import { CloseCode } from '../../../shared/closeCodes'
import { authOf, callerOf } from '../authState'
import { hashToken } from '../tokens'

/** POST /api/auth/logout → 204; ends the cookie session (P13; CSRF-checked like every cookie POST, P14). */
export function logoutRoute(router: Router, ctx: AccessContext): void {
  router.post('/auth/logout', ctx.authorize('auth:public'), async (req, res) => {
    const auth = authOf(res)
    if (auth?.sessionToken) {
      await ctx.access.logout(auth.sessionToken)
      // W18: the boards this login opened close too (a socket is authenticated once, at the upgrade).
      const credential = hashToken(auth.sessionToken)
      const closed = ctx.rooms.closeGrants((grant) => grant.credential === credential, CloseCode.Unauthorized, 'Unauthorized')
      if (closed > 0) ctx.log.info({ closed }, 'closed the sockets of a login that logged out')
      await ctx.access.audit(callerOf(res), 'logout')
    }
    clearSessionCookies(req, res)
    res.status(204).end()
  })
}
