import { CLOSE_REASONS } from '../../shared/closeCodes'
import type { AccessContext } from './AccessContext'
import type { InviteRecord } from './AccessStores'
import { isActor } from './Actor'
import { HttpError } from '../core/http/errors'

/** The invite `inviteId` of `sessionId`, or 404 invite_not_found (also for another session's invite). */
export async function findInvite(ctx: AccessContext, sessionId: string, inviteId: string): Promise<InviteRecord> {
  const invite = await ctx.access.stores.invites.get(inviteId)
  if (!invite || invite.sessionId !== sessionId) throw new HttpError(404, 'invite_not_found', 'Deze uitnodiging bestaat niet (invite not found)')
  return invite
}

/**
 * Closes, with `code`, every open board socket of the invite: its token's
 * and those of the participants who joined with it. A socket is
 * authenticated once, at the upgrade, so a change of the invite reaches the
 * open boards only this way (P10, W23).
 */
export function closeInviteSockets(ctx: AccessContext, invite: InviteRecord, code: number): void {
  ctx.rooms.closeGrants(
    ({ actor }) => isActor(actor) && actor.kind === 'participant' && actor.inviteId === invite.id,
    code,
    CLOSE_REASONS[code] ?? 'Closed',
    invite.sessionId,
  )
}
