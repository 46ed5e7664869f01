import type { Router } from 'express'
import type { HistoryVersion } from '../../../shared/history'
import { findSession } from '../../access/findSession'
import type { HistoryContext } from '../HistoryContext'
import { versionNotFound } from '../restoreVersion'
import { decodeContent } from '../versionContent'
import { versionParam } from './versionParam'

/** GET /api/sessions/:id/history/:version → the version with its records and session map, for a preview (H8). */
export function getHistoryVersionRoute(router: Router, ctx: HistoryContext): void {
  router.get('/sessions/:id/history/:version', ctx.authorize('history:read'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const version = versionParam(req.params.version)
    await ctx.history.recorder.idle(session.id)
    const stored = await ctx.history.store.get(session.id, version)
    if (!stored) throw versionNotFound(version)
    const { sessionId: _sessionId, content, ...summary } = stored
    const body: HistoryVersion = { ...summary, content: decodeContent(content) }
    res.json(body)
  })
}
