import type { Router } from 'express'
import { changePasswordBodySchema } from '../../../shared/accounts'
import { authOf, callerOf } from '../../access/authState'
import { requireJson } from '../../access/requireJson'
import { hashToken } from '../../access/tokens'
import { HttpError, parseBody } from '../../core/http/errors'
import type { AccountsContext } from '../AccountsContext'
import { endAccountSessions } from '../endAccountSessions'

/**
 * POST /api/auth/password {currentPassword, newPassword} → 204: an account
 * changes its own password (U9). The current password is required (a wrong
 * one counts against the login budget, P16); the new one follows P24; every
 * other login session of the account ends and its sockets close.
 */
export function changePasswordRoute(router: Router, ctx: AccountsContext): void {
  router.post('/auth/password', ctx.attempts.login.guard, ctx.authorize('account:password'), requireJson, async (req, res) => {
    const body = parseBody(changePasswordBodySchema, req)
    const actor = callerOf(res)
    if (actor.kind !== 'user') throw new HttpError(403, 'forbidden', 'Alleen een account heeft een wachtwoord.')
    const user = await ctx.access.stores.users.get(actor.id)
    const { verifyPassword, hashPassword } = await import('../../access/password')
    if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      throw new HttpError(403, 'wrong_password', 'Je huidige wachtwoord klopt niet (current password is wrong).')
    }
    const { isStrongPassword, WEAK_PASSWORD_MESSAGE } = await import('../../access/passwordPolicy')
    if (!isStrongPassword(body.newPassword, [user.email, user.name])) throw new HttpError(400, 'weak_password', WEAK_PASSWORD_MESSAGE)
    await ctx.access.stores.users.setPasswordHash(user.id, await hashPassword(body.newPassword))
    const own = authOf(res)?.sessionToken
    await endAccountSessions(ctx, user.id, own ? hashToken(own) : undefined)
    await ctx.access.audit(actor, 'account.passwordChange', { detail: user.email })
    res.status(204).end()
  })
}
