import type { Router } from 'express'
import { PICTURE_CSP } from '../verslag/versions/boardPicture'
import { loadFrozenVersion, versionNotFound } from '../verslag/versions/loadFrozenVerslag'
import type { RouteContext } from './context'

/** GET /api/sessions/:id/versions/:n/picture → the board picture frozen with version n (SPEC V17). */
export function getVersionPictureRoute(router: Router, ctx: RouteContext): void {
  router.get('/sessions/:id/versions/:n/picture', ctx.authorize('verslag:read'), async (req, res) => {
    const version = await loadFrozenVersion(ctx, req)
    if (!version.picture) throw versionNotFound(`${version.versie}/picture`)
    res
      .type(version.picture.contentType)
      .set('Content-Security-Policy', PICTURE_CSP)
      .set('Cache-Control', 'private, max-age=31536000, immutable')
      .send(Buffer.from(version.picture.data))
  })
}
