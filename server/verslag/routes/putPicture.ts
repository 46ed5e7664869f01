import express, { type Router } from 'express'
import { MAX_PICTURE_BYTES, type PictureUploadResponse } from '../../../shared/verslag/versions'
import { Y_SESSION } from '../../../shared/ydoc'
import { findSession } from '../../access/findSession'
import { checkPicture, pictureHash } from '../versions/boardPicture'
import type { VerslagContext } from '../VerslagContext'

/**
 * PUT /api/sessions/:id/picture (body: a PNG or SVG, raw) → 200 (SPEC V17).
 * Stores the picture as the session's current one, then points the
 * document's "boardPicture" at it, so the verslag includes it. A bad type or
 * body is a 400, an oversized one a 413; nothing is stored then.
 */
export function putPictureRoute(router: Router, ctx: VerslagContext): void {
  router.put(
    '/sessions/:id/picture',
    ctx.authorize('session:update'),
    express.raw({ type: () => true, limit: MAX_PICTURE_BYTES }),
    async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      const checked = checkPicture(req.get('content-type'), req.body)
      const data = new Uint8Array(req.body as Buffer)
      await ctx.storage.pictures.put(session.id, { contentType: checked.contentType, data, updatedAt: new Date().toISOString() })
      const url = `/api/sessions/${session.id}/picture?v=${pictureHash(data)}`
      await ctx.rooms.withRoom(session.id, (room) =>
        room.transact((doc) => {
          const map = doc.getMap(Y_SESSION)
          const size = checked.width && checked.height ? { width: checked.width, height: checked.height } : {}
          const picture = { url, alt: '', ...size }
          // The same picture again is no change of the verslag.
          if (JSON.stringify(map.get('boardPicture')) !== JSON.stringify(picture)) map.set('boardPicture', picture)
        }),
      )
      const body: PictureUploadResponse = { url, contentType: checked.contentType, bytes: data.length, ...(checked.width ? { width: checked.width } : {}), ...(checked.height ? { height: checked.height } : {}) }
      res.json(body)
    },
  )
}
