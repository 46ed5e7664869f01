import type { Router } from 'express'
import { HttpError } from '../../core/http/errors'
import { findSession } from '../../access/findSession'
import { PICTURE_CSP } from '../versions/boardPicture'
import type { VerslagContext } from '../VerslagContext'

/** GET /api/sessions/:id/picture → the session's current board picture (SPEC V17). */
export function getPictureRoute(router: Router, ctx: VerslagContext): void {
  router.get('/sessions/:id/picture', ctx.authorize('session:read'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const picture = await ctx.storage.pictures.get(session.id)
    if (!picture) throw new HttpError(404, 'picture_not_found', 'Er is nog geen foto van het bord (no board picture)')
    res
      .type(picture.contentType)
      .set('Content-Security-Policy', PICTURE_CSP)
      .set('Cache-Control', 'private, no-cache')
      .send(Buffer.from(picture.data))
  })
}
