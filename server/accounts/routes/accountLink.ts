import type { Router } from 'express'
import type { AccountLinkInfo } from '../../../shared/accounts'
import { useAccountLinkBodySchema } from '../../../shared/accounts'
import { requireJson } from '../../access/requireJson'
import { setSessionCookies } from '../../access/sessionCookies'
import { HttpError, parseBody } from '../../core/http/errors'
import type { AccountsContext } from '../AccountsContext'
import { endAccountSessions } from '../endAccountSessions'
import { findAccountLink } from '../findAccountLink'

/**
 * GET /api/accounts/link?token=… → {purpose, email, role, themagroepen, expiresAt}
 * and POST /api/accounts/link {token, name?, password} → 201 {me, csrfToken}:
 * an invitation makes the account, a reset sets a new password and ends the
 * account's other sessions; either way the link is spent and the person is
 * signed in (U3, U10). Failures count against the join budget (P16).
 */
export function accountLinkRoutes(router: Router, ctx: AccountsContext): void {
  router.get('/accounts/link', ctx.attempts.join.guard, ctx.authorize('auth:public'), async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : ''
    const link = await findAccountLink(ctx, token)
    const info: AccountLinkInfo = { purpose: link.purpose, email: link.email, role: link.role, themagroepen: link.themagroepen, expiresAt: link.expiresAt }
    res.json(info)
  })

  router.post('/accounts/link', ctx.attempts.join.guard, ctx.authorize('auth:public'), requireJson, async (req, res) => {
    const body = parseBody(useAccountLinkBodySchema, req)
    const link = await findAccountLink(ctx, body.token)
    if (link.purpose === 'invite' && !body.name) throw new HttpError(400, 'invalid_body', 'Vul je naam in (name required).')
    const existing = link.userId ? await ctx.access.stores.users.get(link.userId) : null
    if (link.purpose === 'reset' && !existing) throw new HttpError(404, 'link_invalid', 'Het account van deze link bestaat niet meer (account not found).')
    const name = existing?.name ?? body.name ?? ''
    // P24: checked before the link is spent.
    const { isStrongPassword, WEAK_PASSWORD_MESSAGE } = await import('../../access/passwordPolicy')
    if (!isStrongPassword(body.password, [link.email, name])) throw new HttpError(400, 'weak_password', WEAK_PASSWORD_MESSAGE)
    if (link.purpose === 'invite' && (await ctx.access.stores.users.getByEmail(link.email))) {
      throw new HttpError(409, 'account_exists', 'Er bestaat al een account met dit e-mailadres; log daarmee in (account exists).')
    }
    // U6: a switched-off account gets no new password from an older reset link (checked before anything changes).
    if (existing && (await ctx.access.stores.users.deactivatedAt(existing.id)) !== null) {
      throw new HttpError(403, 'account_deactivated', 'Dit account staat uit. Vraag je themacoördinator het weer aan te zetten (account deactivated).')
    }
    if (!(await ctx.links.use(link.id, ctx.now().toISOString()))) {
      throw new HttpError(410, 'link_used', 'Deze link is al gebruikt. Vraag je themacoördinator om een nieuwe link (this link was used already).')
    }
    let user = existing
    if (link.purpose === 'invite') {
      user = await ctx.access.addUser({ email: link.email, name, role: link.role, password: body.password, themagroepen: link.themagroepen })
      if (!user) throw new HttpError(409, 'account_exists', 'Er bestaat al een account met dit e-mailadres; log daarmee in (account exists).')
    } else if (user) {
      const { hashPassword } = await import('../../access/password')
      await ctx.access.stores.users.setPasswordHash(user.id, await hashPassword(body.password))
      // U10: whoever knew the old password is signed out everywhere.
      await endAccountSessions(ctx, user.id)
    }
    if (!user) throw new HttpError(404, 'link_invalid', 'Het account van deze link bestaat niet meer (account not found).')
    const actor = await ctx.access.userActor(user)
    for (const themagroep of link.themagroepen.length > 0 ? link.themagroepen : [null]) {
      await ctx.access.audit(actor, link.purpose === 'invite' ? 'account.create' : 'account.passwordReset', { themagroep, detail: user.email })
    }
    const login = await ctx.access.openLogin(user)
    const csrfToken = setSessionCookies(req, res, login.sessionToken, login.expiresAt)
    res.status(201).json({ me: ctx.access.me(actor), csrfToken })
  })
}
