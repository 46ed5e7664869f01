import type { Router } from 'express'
import type { AccountSummary } from '../../../shared/accounts'
import { callerOf } from '../../access/authState'
import { isMemberOf } from '../../access/policy'
import type { AccountsContext } from '../AccountsContext'

/** GET /api/accounts → {accounts}: the members of the coördinator's themagroepen (U4); the admin token sees all. */
export function listAccountsRoute(router: Router, ctx: AccountsContext): void {
  router.get('/accounts', ctx.authorize('account:list'), async (_req, res) => {
    const actor = callerOf(res)
    const accounts: AccountSummary[] = []
    for (const user of await ctx.access.stores.users.list()) {
      const groups = await ctx.access.stores.themagroepen.groupsOf(user.id)
      const shared = actor.kind === 'admin' ? groups : actor.kind === 'user' ? groups.filter((g) => isMemberOf(actor.themagroepen, g)) : []
      if (shared.length === 0) continue
      const active = (await ctx.access.stores.users.deactivatedAt(user.id)) === null
      accounts.push({ id: user.id, email: user.email, name: user.name, role: user.role, themagroepen: shared, active })
    }
    res.json({ accounts })
  })
}
