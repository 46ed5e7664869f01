import type { Router } from 'express'
import { attachment, loadVerslag } from '../loadVerslag'
import { renderAfsprakenIcs } from '../render/renderAfsprakenIcs'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/afspraken.ics → one calendar entry per dated afspraak (SPEC V13). */
export function getAfsprakenIcsRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/afspraken.ics', ctx.authorize('verslag:export'), async (req, res) => {
    const { session, verslag } = await loadVerslag(ctx, req)
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', attachment(verslag, 'ics', 'Afspraken '))
      .send(renderAfsprakenIcs(verslag, session.id))
  })
}
