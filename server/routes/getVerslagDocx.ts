import type { Router } from 'express'
import { attachment, loadVerslag } from '../verslag/loadVerslag'
import { renderDocx } from '../verslag/render/renderDocx'
import type { RouteContext } from './context'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** GET /api/sessions/:id/verslag.docx → the Word document (SPEC V11), as a download. */
export function getVerslagDocxRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions/:id/verslag.docx', ctx.authorize('verslag:export'), async (req, res) => {
    const { verslag } = await loadVerslag(ctx, req)
    const buffer = await renderDocx(verslag)
    res.type(DOCX_TYPE).set('Content-Disposition', attachment(verslag, 'docx')).send(buffer)
  })
}
