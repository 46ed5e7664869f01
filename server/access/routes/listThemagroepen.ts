import type { Router } from 'express'
import type { AccessContext } from '../AccessContext'
import { callerOf } from '../authState'

/** GET /api/themagroepen → the themagroepen the caller sees (all for the admin), with member counts (P12). */
export function listThemagroepenRoute(router: Router, ctx: AccessContext): void {
  router.get('/themagroepen', ctx.authorize('themagroep:list'), async (req, res) => {
    const actor = callerOf(res)
    const names = actor.kind === 'user' ? [...actor.themagroepen] : await ctx.access.stores.themagroepen.list()
    const list = await Promise.all(
      names.map(async (name) => ({ name, members: (await ctx.access.stores.themagroepen.members(name)).length })),
    )
    res.json(list)
  })
}
