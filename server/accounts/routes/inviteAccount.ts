import type { Router } from 'express'
import { accountInviteBodySchema } from '../../../shared/accounts'
import { callerOf } from '../../access/authState'
import { isMemberOf } from '../../access/policy'
import { HttpError, parseBody } from '../../core/http/errors'
import type { AccountsContext } from '../AccountsContext'
import { makeAccountLink } from '../makeAccountLink'

/**
 * POST /api/accounts/invites {email, role, themagroepen} → 201 {url, token, …}:
 * a one-time link to make an account (U1, U2). The themagroepen must be the
 * coördinator's own; an email that has an account already is 409.
 */
export function inviteAccountRoute(router: Router, ctx: AccountsContext): void {
  router.post('/accounts/invites', ctx.authorize('account:invite'), async (req, res) => {
    const body = parseBody(accountInviteBodySchema, req)
    const actor = callerOf(res)
    const themagroepen: string[] = []
    for (const name of body.themagroepen) {
      // U1: the policy let through only the coördinator's own themagroepen; the admin token may name any that exists.
      const stored = await ctx.access.stores.themagroepen.canonical(name)
      if (!stored) throw new HttpError(404, 'themagroep_not_found', `Er is geen themagroep "${name}" (themagroep not found).`)
      if (!isMemberOf(themagroepen, stored)) themagroepen.push(stored)
    }
    if (await ctx.access.stores.users.getByEmail(body.email)) {
      throw new HttpError(409, 'account_exists', `Er is al een account met e-mailadres ${body.email}. Voeg het toe aan de themagroep of stuur een link om het wachtwoord opnieuw in te stellen.`)
    }
    const link = await makeAccountLink(ctx, req, actor, { purpose: 'invite', email: body.email, role: body.role, themagroepen, userId: null })
    for (const themagroep of themagroepen) {
      await ctx.access.audit(actor, 'account.invite', { themagroep, detail: `${body.email} als ${body.role}, geldig tot ${link.expiresAt}` })
    }
    res.status(201).json(link)
  })
}
