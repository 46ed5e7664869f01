import type { Router } from 'express'
import type { AccessContext } from '../AccessContext'
import { actorId } from '../Actor'
import { callerOf } from '../authState'

/** GET /api/audit?limit= → newest entries first: all for the admin, own themagroepen and own actions for a coördinator (P11). */
export function auditLogRoute(router: Router, ctx: AccessContext): void {
  router.get('/audit', ctx.authorize('audit:read'), async (req, res) => {
    const actor = callerOf(res)
    const requested = Number(req.query.limit)
    const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 1000) : 200
    const entries =
      actor.kind === 'user'
        ? await ctx.access.stores.audit.list({ themagroepen: actor.themagroepen, actor: actorId(actor), limit })
        : await ctx.access.stores.audit.list({ limit })
    res.json(entries)
  })
}
