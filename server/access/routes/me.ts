import type { Router } from 'express'
import type { AccessContext } from '../AccessContext'
import { authOf, callerOf } from '../authState'

/** GET /api/auth/me → {me, csrfToken, setupPending}: who the caller is (P1). */
export function meRoute(router: Router, ctx: AccessContext): void {
  router.get('/auth/me', ctx.authorize('auth:public'), async (req, res) => {
    const auth = authOf(res)
    res.json({
      me: ctx.access.me(callerOf(res)),
      csrfToken: auth?.sessionToken ? ctx.access.csrfToken(auth.sessionToken) : null,
      setupPending: await ctx.access.setupPending(),
    })
  })
}
