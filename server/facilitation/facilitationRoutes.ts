/**
 * The facilitation API (SPEC F2, F5, F6, F8, F10, F16):
 *   GET  /api/time                                       → { serverNow }
 *   GET  /api/templates                                  → { templates }
 *   POST /api/sessions/:id/sheets {template}             → 201 { sheetIds }
 *   GET  /api/sessions/:id/facilitation                  → FacilitationResponse
 *   PUT  /api/sessions/:id/facilitation                  → FacilitationResponse
 *   GET  /api/sessions/:id/private-stickies              → { stickies }
 *   PATCH|DELETE /api/sessions/:id/private-stickies/:stickyId
 *   POST /api/sessions/:id/private-stickies/share        → { shared }
 *   POST|DELETE /api/sessions/:id/stickies/:stickyId/votes → VoteResponse
 *   GET  /api/sessions/:id/votes/mine                    → MyVotesResponse
 */
import type { Router } from 'express'
import {
  patchPrivateStickyBodySchema,
  putFacilitationBodySchema,
  type PrivateStickiesResponse,
  type SharePrivateResponse,
} from '../../shared/facilitation'
import { addSheetsBodySchema, addTemplateSheets, findTemplate, TEMPLATES, type TemplatesResponse } from '../../shared/templates'
import { ActorOrigin } from '../core/origins'
import { actorOf, type Authorize } from '../access/authorize'
import { HttpError, parseBody } from '../core/http/errors'
import { findSession } from '../access/findSession'
import type { RoomManager } from '../core/RoomManager'
import type { SessionStore } from '../sessions/SessionStore'
import type { FacilitationService } from './FacilitationService'

const stickyIdOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '')

export interface FacilitationContext {
  authorize: Authorize
  rooms: RoomManager
  storage: { sessions: SessionStore }
}

export function facilitationRoutes(service: FacilitationService) {
  return (router: Router, ctx: FacilitationContext): void => {
    router.get('/time', ctx.authorize('config:read'), (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ serverNow: Date.now() })
    })

    router.get('/templates', ctx.authorize('config:read'), (_req, res) => {
      const body: TemplatesResponse = { templates: TEMPLATES.map((t) => ({ ...t, sheets: [...t.sheets] })) }
      res.json(body)
    })

    // F16: "vellen toevoegen" from a template.
    router.post('/sessions/:id/sheets', ctx.authorize('facilitation:update'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      const { template: id } = parseBody(addSheetsBodySchema, req)
      const template = findTemplate(id)
      if (!template) throw new HttpError(400, 'unknown_template', `Sjabloon "${id}" bestaat niet; zie GET /api/templates.`)
      const sheetIds = await ctx.rooms.withRoom(session.id, (room) => room.transact((doc) => addTemplateSheets(doc, template), new ActorOrigin(actorOf(req, res))))
      res.status(201).json({ sheetIds })
    })

    router.get('/sessions/:id/facilitation', ctx.authorize('session:read'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      res.set('Cache-Control', 'no-store').json(service.response(await service.read(session.id)))
    })

    router.put('/sessions/:id/facilitation', ctx.authorize('facilitation:update'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      const body = parseBody(putFacilitationBodySchema, req)
      const state = await service.update(session, actorOf(req, res), body)
      res.json(service.response(state))
    })

    router.get('/sessions/:id/private-stickies', ctx.authorize('sticky:create'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      const body: PrivateStickiesResponse = { stickies: await service.listPrivate(session.id, actorOf(req, res)) }
      res.set('Cache-Control', 'no-store').json(body)
    })

    router.post('/sessions/:id/private-stickies/share', ctx.authorize('sticky:create'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      const body: SharePrivateResponse = { shared: await service.shareEarly(session.id, actorOf(req, res)) }
      res.json(body)
    })

    router.patch('/sessions/:id/private-stickies/:stickyId', ctx.authorize('sticky:create'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      const body = parseBody(patchPrivateStickyBodySchema, req)
      res.json(await service.updatePrivate(session.id, actorOf(req, res), stickyIdOf(req.params.stickyId), body))
    })

    router.delete('/sessions/:id/private-stickies/:stickyId', ctx.authorize('sticky:create'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      await service.removePrivate(session.id, actorOf(req, res), stickyIdOf(req.params.stickyId))
      res.status(204).end()
    })

    router.post('/sessions/:id/stickies/:stickyId/votes', ctx.authorize('board:write'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      res.json(await service.vote(session.id, actorOf(req, res), stickyIdOf(req.params.stickyId), 1))
    })

    router.delete('/sessions/:id/stickies/:stickyId/votes', ctx.authorize('board:write'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      res.json(await service.vote(session.id, actorOf(req, res), stickyIdOf(req.params.stickyId), -1))
    })

    router.get('/sessions/:id/votes/mine', ctx.authorize('board:write'), async (req, res) => {
      const session = await findSession(ctx.storage.sessions, req.params.id)
      res.set('Cache-Control', 'no-store').json(await service.myVotes(session.id, actorOf(req, res)))
    })
  }
}
