import type { Router } from 'express'
import { attachment, loadVerslag } from '../verslag/loadVerslag'
import { renderAfsprakenIcs } from '../verslag/render/renderAfsprakenIcs'
import type { RouteContext } from './context'

/** GET /api/sessions/:id/afspraken.ics → one calendar entry per dated afspraak (SPEC V13). */
export function getAfsprakenIcsRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions/:id/afspraken.ics', ctx.authorize('verslag:export'), async (req, res) => {
    const { session, verslag } = await loadVerslag(ctx, req)
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', attachment(verslag, 'ics', 'Afspraken '))
      .send(renderAfsprakenIcs(verslag, session.id))
  })
}
