import type { Router } from 'express'
import type { HistoryList } from '../../../shared/history'
import { findSession } from '../../access/findSession'
import type { HistoryContext } from '../HistoryContext'

/** GET /api/sessions/:id/history → { versions } newest first, without content (H8). */
export function listHistoryRoute(router: Router, ctx: HistoryContext): void {
  router.get('/sessions/:id/history', ctx.authorize('history:read'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    await ctx.history.recorder.idle(session.id)
    const body: HistoryList = { versions: await ctx.history.store.list(session.id) }
    res.json(body)
  })
}
