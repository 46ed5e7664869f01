import type { Router } from 'express'
import { addMemberBodySchema } from '../../../shared/access'
import type { AccessContext } from '../AccessContext'
import { callerOf } from '../authState'
import { HttpError, parseBody } from '../../core/http/errors'

/** POST /api/themagroepen/:name/members {email} → 204: adds an existing account to the themagroep (P12). */
export function addThemagroepMemberRoute(router: Router, ctx: AccessContext): void {
  router.post('/themagroepen/:name/members', ctx.authorize('themagroep:addMember'), async (req, res) => {
    const name = String(req.params.name)
    const body = parseBody(addMemberBodySchema, req)
    const user = await ctx.access.stores.users.getByEmail(body.email)
    if (!user) throw new HttpError(404, 'user_not_found', `Geen account met e-mailadres ${body.email} (user not found)`)
    await ctx.access.stores.themagroepen.ensure(name, new Date().toISOString())
    await ctx.access.stores.themagroepen.addMember(name, user.id)
    await ctx.access.audit(callerOf(res), 'themagroep.addMember', { themagroep: name, detail: user.email })
    res.status(204).end()
  })
}
