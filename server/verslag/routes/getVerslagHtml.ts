import type { Router } from 'express'
import { loadVerslag } from '../loadVerslag'
import { renderHtml } from '../render/renderHtml'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/verslag.html → a print-ready A4 document (SPEC V10, V11), shown inline. */
export function getVerslagHtmlRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/verslag.html', ctx.authorize('verslag:export'), async (req, res) => {
    const { verslag } = await loadVerslag(ctx, req)
    res
      .type('text/html; charset=utf-8')
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
      .send(renderHtml(verslag))
  })
}
