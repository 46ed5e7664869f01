import type { Router } from 'express'
import type { SessionParticipant } from '../../../shared/accounts'
import type { AccountsContext } from '../AccountsContext'

/**
 * GET /api/sessions/:id/participants → {participants: [{name, organisation, role}]}:
 * who joined the session from an invite (U12), each person once, for the
 * secretariaat and coördinatoren of the session.
 */
export function sessionParticipantsRoute(router: Router, ctx: AccountsContext): void {
  router.get('/sessions/:id/participants', ctx.authorize('participants:read'), async (req, res) => {
    const seen = new Set<string>()
    const participants: SessionParticipant[] = []
    for (const p of await ctx.access.stores.logins.participantsOf(String(req.params.id))) {
      const key = JSON.stringify([p.name.trim().toLowerCase(), p.organisation.trim().toLowerCase(), p.role])
      if (seen.has(key)) continue
      seen.add(key)
      participants.push({ name: p.name, organisation: p.organisation, role: p.role })
    }
    res.json({ participants })
  })
}
