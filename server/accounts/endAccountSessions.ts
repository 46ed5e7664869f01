/**
 * U6, U7, U9: ends an account's login sessions (all, or all but the one
 * asking) and closes, at once, the open sockets they opened — as logout does
 * for one login (W18). A socket is authenticated once, at the upgrade, so
 * without this a deactivated account would keep editing an open board.
 */
import { CloseCode } from '../../shared/closeCodes'
import { isActor } from '../access/Actor'
import type { AccountsContext } from './AccountsContext'

export async function endAccountSessions(ctx: AccountsContext, userId: string, keepCredential?: string): Promise<number> {
  await ctx.access.stores.logins.deleteForUser(userId, keepCredential)
  const closed = ctx.rooms.closeGrants(
    (grant) => isActor(grant.actor) && grant.actor.kind === 'user' && grant.actor.id === userId && (keepCredential === undefined || grant.credential !== keepCredential),
    CloseCode.Unauthorized,
    'Unauthorized',
  )
  if (closed > 0) ctx.log.info({ closed }, 'closed the sockets of an account whose sessions ended')
  return closed
}
