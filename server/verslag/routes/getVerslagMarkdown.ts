import type { Router } from 'express'
import { attachment, loadVerslag } from '../loadVerslag'
import { renderMarkdown } from '../render/renderMarkdown'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/verslag.md → the verslag as Markdown (SPEC V1–V12). */
export function getVerslagMarkdownRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/verslag.md', ctx.authorize('verslag:export'), async (req, res) => {
    const { verslag } = await loadVerslag(ctx, req)
    res.type('text/markdown; charset=utf-8').set('Content-Disposition', attachment(verslag, 'md')).send(renderMarkdown(verslag))
  })
}
