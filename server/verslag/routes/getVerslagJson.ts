import type { Router } from 'express'
import { loadVerslag } from '../loadVerslag'
import { renderJson } from '../render/renderJson'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/verslag.json → the structured model, validated (SPEC V12); the client's preview reads it. */
export function getVerslagJsonRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/verslag.json', ctx.authorize('verslag:read'), async (req, res) => {
    const { verslag } = await loadVerslag(ctx, req)
    res.type('application/json; charset=utf-8').send(renderJson(verslag))
  })
}
