import type { Router } from 'express'
import { loadVerslag } from '../verslag/loadVerslag'
import { renderJson } from '../verslag/render/renderJson'
import type { RouteContext } from './context'

/** GET /api/sessions/:id/verslag.json → the structured model, validated (SPEC V12); the client's preview reads it. */
export function getVerslagJsonRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions/:id/verslag.json', ctx.authorize('verslag:read'), async (req, res) => {
    const { verslag } = await loadVerslag(ctx, req)
    res.type('application/json; charset=utf-8').send(renderJson(verslag))
  })
}
