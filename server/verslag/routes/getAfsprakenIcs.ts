import type { Router } from 'express'
import { HttpError } from '../../core/http/errors'
import { attachment, loadVerslag } from '../loadVerslag'
import { datedAfspraken, renderAfsprakenIcs } from '../render/renderAfsprakenIcs'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/afspraken.ics → one calendar entry per dated afspraak (SPEC V13, V23). */
export function getAfsprakenIcsRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/afspraken.ics', ctx.authorize('verslag:export'), async (req, res) => {
    const { session, verslag } = await loadVerslag(ctx, req)
    // No empty calendar: say why there is none (SPEC V23).
    if (datedAfspraken(verslag).length === 0) {
      throw new HttpError(404, 'no_afspraken', 'Dit verslag heeft geen afspraken met een datum, dus er is geen agenda om te downloaden.')
    }
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', attachment(verslag, 'ics', 'Afspraken '))
      .send(renderAfsprakenIcs(verslag, session.id))
  })
}
