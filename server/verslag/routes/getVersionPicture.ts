import type { Router } from 'express'
import { PICTURE_CSP } from '../versions/boardPicture'
import { loadFrozenVersion, versionNotFound } from '../versions/loadFrozenVerslag'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/versions/:n/picture → the board picture frozen with version n (SPEC V17). */
export function getVersionPictureRoute(router: Router, ctx: VerslagContext): void {
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
