import type { Router } from 'express'
import { addStickyBodySchema, type AddStickyResponse } from '../../../shared/api'
import { addSticky, defaultSheetFor } from '../../../shared/ydoc'
import { ActorOrigin } from '../../core/origins'
import { authorOf } from '../../access/authorOf'
import { actorOf } from '../../access/authorize'
import { parseBody } from '../../core/http/errors'
import { findSession } from '../../access/findSession'
import type { SessionsContext } from '../SessionsContext'

/**
 * POST /api/sessions/:id/stickies → 201 { id, sheetId }. Adds the sticky to
 * the live doc; answered only once the update is stored (and so broadcast).
 * The author is the caller when it is a participant or an account (P7).
 */
export function addStickyRoute(router: Router, ctx: SessionsContext): void {
  router.post('/sessions/:id/stickies', ctx.authorize('sticky:create'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const body = parseBody(addStickyBodySchema, req)
    const actor = actorOf(req, res)
    // facil F6: during stil-schrijven a deelnemer's sticky is held privately, not placed.
    const held = await ctx.holdSticky?.(session, actor, body)
    if (held) {
      res.status(201).json(held)
      return
    }
    const author = authorOf(actor, body.author)
    const result: AddStickyResponse = await ctx.rooms.withRoom(session.id, (room) =>
      room.transact((doc) =>
        addSticky(doc, {
          text: body.text,
          tag: body.tag,
          // facil F20: without a sheet, the author's last used sheet, else the first
          ...(body.sheet ? { sheet: body.sheet } : withSheet(defaultSheetFor(doc, author?.id))),
          ...(author ? { author } : {}),
        }),
      new ActorOrigin(actor)),
    )
    res.status(201).json(result)
  })
}

const withSheet = (sheet: string | null): { sheet?: string } => (sheet ? { sheet } : {})
