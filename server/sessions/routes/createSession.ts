import type { Router } from 'express'
import { createSessionBodySchema } from '../../../shared/api'
import { DEFAULT_SHEETS, sessionInfoSchema } from '../../../shared/session'
import { seedBoard, writeSessionInfo } from '../../../shared/ydoc'
import { actorOf } from '../../access/authorize'
import { parseBody } from '../../core/http/errors'
import { storeNewSession } from '../storeNewSession'
import type { SessionsContext } from '../SessionsContext'

/**
 * POST /api/sessions → 201 { id, ...summary }. Seeds the session's doc (info
 * and default sheets) and stores it before the index entry, so that a listed
 * session always has a board.
 */
export function createSessionRoute(router: Router, ctx: SessionsContext): void {
  router.post('/sessions', ctx.authorize('session:create'), async (req, res) => {
    const body = parseBody(createSessionBodySchema, req)
    const info = sessionInfoSchema.parse({
      title: body.title,
      themagroep: body.themagroep,
      type: body.type,
      date: body.date,
      place: body.place,
      deelnemers: body.deelnemers,
      afgemeld: body.afgemeld,
    })
    const summary = await storeNewSession(
      ctx,
      actorOf(req, res),
      info,
      (doc) => {
        writeSessionInfo(doc, info)
        seedBoard(doc, body.sheets ?? DEFAULT_SHEETS[body.type])
      },
      'session.create',
    )
    res.status(201).json(summary)
  })
}
