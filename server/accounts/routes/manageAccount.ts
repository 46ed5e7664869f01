import type { Router } from 'express'
import { callerOf } from '../../access/authState'
import { isMemberOf } from '../../access/policy'
import { HttpError } from '../../core/http/errors'
import type { Actor } from '../../access/Actor'
import type { AccountsContext } from '../AccountsContext'
import { endAccountSessions } from '../endAccountSessions'
import { makeAccountLink } from '../makeAccountLink'

/** The themagroepen of `userId` the actor shares (for the audit log). */
async function sharedGroups(ctx: AccountsContext, actor: Actor, userId: string): Promise<string[]> {
  const groups = await ctx.access.stores.themagroepen.groupsOf(userId)
  return actor.kind === 'user' ? groups.filter((g) => isMemberOf(actor.themagroepen, g)) : groups
}

/**
 * POST /api/accounts/:userId/deactivate and …/reactivate → 204 (U6);
 * POST /api/accounts/:userId/reset-link → 201 {url, token, …} (U10).
 * Deactivation ends the account's sessions and closes its sockets at once.
 */
export function manageAccountRoutes(router: Router, ctx: AccountsContext): void {
  for (const active of [false, true]) {
    router.post(`/accounts/:userId/${active ? 'reactivate' : 'deactivate'}`, ctx.authorize('account:manage'), async (req, res) => {
      const userId = String(req.params.userId)
      const actor = callerOf(res)
      if (actor.kind === 'user' && actor.id === userId) throw new HttpError(400, 'self', 'Je kunt je eigen account niet uitschakelen; vraag een andere themacoördinator.')
      if (!(await ctx.access.stores.users.setDeactivated(userId, active ? null : ctx.now().toISOString()))) {
        throw new HttpError(404, 'account_not_found', 'Dit account bestaat niet (account not found).')
      }
      if (!active) await endAccountSessions(ctx, userId)
      const user = await ctx.access.stores.users.get(userId)
      for (const themagroep of await sharedGroups(ctx, actor, userId)) {
        await ctx.access.audit(actor, active ? 'account.reactivate' : 'account.deactivate', { themagroep, detail: user?.email ?? userId })
      }
      res.status(204).end()
    })
  }

  router.post('/accounts/:userId/reset-link', ctx.authorize('account:manage'), async (req, res) => {
    const userId = String(req.params.userId)
    const actor = callerOf(res)
    const user = await ctx.access.stores.users.get(userId)
    if (!user) throw new HttpError(404, 'account_not_found', 'Dit account bestaat niet (account not found).')
    const groups = await sharedGroups(ctx, actor, userId)
    const link = await makeAccountLink(ctx, req, actor, { purpose: 'reset', email: user.email, role: user.role, themagroepen: groups, userId })
    for (const themagroep of groups) await ctx.access.audit(actor, 'account.resetLink', { themagroep, detail: `${user.email}, geldig tot ${link.expiresAt}` })
    res.status(201).json(link)
  })
}
