import type { Router } from 'express'
import { attachment, loadVerslag } from '../loadVerslag'
import { renderDocx } from '../lazyFormats'
import type { VerslagContext } from '../VerslagContext'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** GET /api/sessions/:id/verslag.docx → the Word document (SPEC V11), as a download. */
export function getVerslagDocxRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/verslag.docx', ctx.authorize('verslag:export'), async (req, res) => {
    const { session, verslag } = await loadVerslag(ctx, req)
    // The board picture's bytes (SPEC V17): embedded as an image in the Word file.
    const picture = verslag.boardPicture ? await ctx.storage.pictures.get(session.id) : null
    const buffer = await renderDocx(verslag, picture?.contentType === 'image/png' ? { boardPicturePng: picture.data } : {})
    res.type(DOCX_TYPE).set('Content-Disposition', attachment(verslag, 'docx')).send(buffer)
  })
}
