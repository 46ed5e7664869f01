import type { Router } from 'express'
import { createSessionBodySchema } from '../../../shared/api'
import { DEFAULT_SHEETS, sessionInfoSchema } from '../../../shared/session'
import { seedBoard, writeSessionInfo } from '../../../shared/ydoc'
import { actorOf } from '../../access/authorize'
import { HttpError, parseBody } from '../../core/http/errors'
import { addTemplateSheets, findTemplate } from '../../../shared/templates'
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
    // facil F16: a session template
    const template = body.template === undefined ? undefined : findTemplate(body.template)
    if (body.template !== undefined && !template) {
      throw new HttpError(400, 'unknown_template', `Sjabloon "${body.template}" bestaat niet; zie GET /api/templates.`)
    }
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
        if (template) {
          seedBoard(doc, body.sheets ?? [])
          addTemplateSheets(doc, template, body.sheets?.length ?? 0)
        } else seedBoard(doc, body.sheets ?? DEFAULT_SHEETS[body.type])
      },
      'session.create',
    )
    res.status(201).json(summary)
  })
}
