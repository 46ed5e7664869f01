import type { Router } from 'express'
import { attachment, loadVerslag } from '../loadVerslag'
import { renderPdf } from '../lazyFormats'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/verslag.pdf → the verslag as PDF (SPEC V25), as a download. */
export function getVerslagPdfRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/verslag.pdf', ctx.authorize('verslag:export'), async (req, res) => {
    const { session, verslag } = await loadVerslag(ctx, req)
    const picture = verslag.boardPicture ? await ctx.storage.pictures.get(session.id) : null
    const buffer = await renderPdf(verslag, picture?.contentType === 'image/png' ? { boardPicturePng: picture.data } : {})
    res.type('application/pdf').set('Content-Disposition', attachment(verslag, 'pdf')).send(buffer)
  })
}
