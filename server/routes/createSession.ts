import type { Router } from 'express'
import { createSessionBodySchema, type SessionSummary } from '../../shared/api'
import { DEFAULT_SHEETS, sessionInfoSchema } from '../../shared/session'
import { seedBoard, writeSessionInfo } from '../../shared/ydoc'
import { parseBody } from '../http/errors'
import { newSessionId } from '../sessions/newSessionId'
import type { RouteContext } from './context'

/**
 * POST /api/sessions → 201 { id, ...summary }. Seeds the session's doc (info
 * and default sheets) and stores it before the index entry, so that a listed
 * session always has a board.
 */
export function createSessionRoute(router: Router, ctx: RouteContext): void {
  router.post('/sessions', ctx.authorize('session:create'), async (req, res) => {
    const body = parseBody(createSessionBodySchema, req.body)
    const info = sessionInfoSchema.parse({
      title: body.title,
      themagroep: body.themagroep,
      type: body.type,
      date: body.date,
      place: body.place,
      deelnemers: body.deelnemers,
      afgemeld: body.afgemeld,
    })
    const id = newSessionId()
    await ctx.rooms.withRoom(id, (room) =>
      room.transact((doc) => {
        writeSessionInfo(doc, info)
        seedBoard(doc, body.sheets ?? DEFAULT_SHEETS[body.type])
      }),
    )
    const now = new Date().toISOString()
    const summary: SessionSummary = {
      id,
      title: info.title,
      themagroep: info.themagroep,
      type: info.type,
      date: info.date ?? null,
      place: info.place ?? null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.storage.sessions.create(summary)
    res.status(201).json(summary)
  })
}
