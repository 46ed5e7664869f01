import type { Router } from 'express'
import type { VersionList } from '../../../shared/verslag/versions'
import { findSession } from '../../access/findSession'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/versions → { versions } oldest first (SPEC V15). */
export function listVersionsRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/versions', ctx.authorize('verslag:read'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const versions = await ctx.storage.versions.list(session.id)
    const body: VersionList = {
      versions: versions.map((v) => ({
        versie: v.versie,
        vastgesteldAt: v.vastgesteldAt,
        vastgesteldOp: v.vastgesteldOp,
        actorName: v.actorName,
        hasPicture: v.hasPicture,
      })),
    }
    res.json(body)
  })
}
