import type { Router } from 'express'
import type { SessionParticipant } from '../../../shared/accounts'
import { personKey } from '../AttendanceStore'
import type { AccountsContext } from '../AccountsContext'

/**
 * GET /api/sessions/:id/participants → {participants: [{name, organisation,
 * role, firstJoinedAt, lastSeenAt}]}: who was there (U12), read from the
 * session's attendance (U14), which outlives every login, for the
 * secretariaat and coördinatoren of the session. The role is the invite's
 * as it is now (W23); a record whose invite is gone keeps the role it had.
 */
export function sessionParticipantsRoute(router: Router, ctx: AccountsContext): void {
  router.get('/sessions/:id/participants', ctx.authorize('participants:read'), async (req, res) => {
    const sessionId = String(req.params.id)
    const roles = new Map((await ctx.access.stores.invites.listForSession(sessionId)).map((invite) => [invite.id, invite.role]))
    // An erasure (G2) may have made two records of one invite the same person: they are listed once.
    const byPerson = new Map<string, SessionParticipant>()
    for (const r of await ctx.attendance.listForSession(sessionId)) {
      const key = personKey(r)
      const seen = byPerson.get(key)
      if (seen) {
        if (r.lastSeenAt > seen.lastSeenAt) seen.lastSeenAt = r.lastSeenAt
        continue
      }
      byPerson.set(key, { name: r.name, organisation: r.organisation, role: roles.get(r.inviteId) ?? r.role, firstJoinedAt: r.firstJoinedAt, lastSeenAt: r.lastSeenAt })
    }
    res.json({ participants: [...byPerson.values()] })
  })
}
