import type { Router } from 'express'
import { statusPatchBodySchema, type StatusPatchResponse } from '../../../shared/regelruimte'
import { recordsOf } from '../../../shared/ydoc'
import { callerOf } from '../../access/authState'
import { HttpError, parseBody } from '../../core/http/errors'
import { ActorOrigin } from '../../core/origins'
import type { RegelruimteContext } from '../RegelruimteContext'
import { requestStatus } from '../requestStatus'
import { findSession } from '../../access/findSession'

/**
 * PATCH /api/regelruimte/:id/:stickyId (JSON {status}) → 200 (SPEC R6): sets
 * the request's status in its sticky's meta on the live document, so open
 * boards see it, on behalf of the caller (recorded in the history, R5). The
 * authorize middleware checks regelruimte:update (P8) and writes the audit
 * entry "regelruimte.status" (P18). The sticky id may omit "shape:".
 */
export function patchRegelruimteStatusRoute(router: Router, ctx: RegelruimteContext): void {
  router.patch('/regelruimte/:id/:stickyId', ctx.authorize('regelruimte:update'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const { status } = parseBody(statusPatchBodySchema, req)
    const raw = String(req.params.stickyId)
    const stickyId = raw.startsWith('shape:') ? raw : `shape:${raw}`
    const actor = callerOf(res)
    const changed = await ctx.rooms.withRoom(session.id, (room) => {
      const kv = recordsOf(room.doc)
      const record = kv.get(stickyId)
      const before = requestStatus(record)
      if (!record || before === null) {
        throw new HttpError(404, 'sticky_not_found', `Geen regelruimteverzoek ${stickyId} in sessie ${session.id} (no such regelruimte request)`)
      }
      if (before === status) return false
      const meta = typeof record.meta === 'object' && record.meta !== null ? record.meta : {}
      room.transact(() => kv.set(stickyId, { ...record, meta: { ...meta, status } }), new ActorOrigin(actor))
      return true
    })
    await ctx.regelruimteTracker.idle()
    const history = (await ctx.storage.regelruimteStatus.listForSession(session.id))
      .filter((e) => e.stickyId === stickyId)
      .map(({ sessionId: _s, stickyId: _t, ...change }) => change)
    const body: StatusPatchResponse = { sessionId: session.id, stickyId, status, changed, history }
    res.json(body)
  })
}
