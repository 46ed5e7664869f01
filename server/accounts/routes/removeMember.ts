import type { Router } from 'express'
import { callerOf } from '../../access/authState'
import { HttpError } from '../../core/http/errors'
import type { AccountsContext } from '../AccountsContext'
import { endAccountSessions } from '../endAccountSessions'

/**
 * DELETE /api/themagroepen/:name/members/:userId → 204: removes a member from
 * the themagroep (U5); their open sockets close at once (they reconnect to
 * what they may still see) and their login sessions end.
 */
export function removeMemberRoute(router: Router, ctx: AccountsContext): void {
  router.delete('/themagroepen/:name/members/:userId', ctx.authorize('themagroep:removeMember'), async (req, res) => {
    const name = String(req.params.name)
    const userId = String(req.params.userId)
    const actor = callerOf(res)
    if (actor.kind === 'user' && actor.id === userId) throw new HttpError(400, 'self', 'Je kunt jezelf niet uit een themagroep halen; vraag een andere themacoördinator.')
    const user = await ctx.access.stores.users.get(userId)
    if (!user || !(await ctx.access.stores.themagroepen.removeMember(name, userId))) {
      throw new HttpError(404, 'member_not_found', 'Dit account is geen lid van deze themagroep (member not found).')
    }
    await endAccountSessions(ctx, userId)
    await ctx.access.audit(actor, 'themagroep.removeMember', { themagroep: (await ctx.access.stores.themagroepen.canonical(name)) ?? name, detail: user.email })
    res.status(204).end()
  })
}
