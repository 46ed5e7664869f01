import type { Router } from 'express'
import { actorOf } from '../../access/authorize'
import { findSession } from '../../access/findSession'
import type { HistoryContext } from '../HistoryContext'
import { restoreVersion } from '../restoreVersion'
import { versionParam } from './versionParam'

/**
 * POST /api/sessions/:id/history/:version/restore → 200 { restored, before,
 * changed } (H6): the board back to that version, live on every open board;
 * audited as history.restore (P18).
 */
export function restoreHistoryVersionRoute(router: Router, ctx: HistoryContext): void {
  router.post('/sessions/:id/history/:version/restore', ctx.authorize('history:restore'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const version = versionParam(req.params.version)
    const actor = actorOf(req, res)
    const result = await restoreVersion(
      { store: ctx.history.store, recorder: ctx.history.recorder, rooms: ctx.rooms },
      session.id,
      version,
      actor,
    )
    await ctx.access.audit(actor, 'history.restore', {
      sessionId: session.id,
      themagroep: session.themagroep,
      detail: `versie ${version} teruggezet (${result.changed.set} records gezet, ${result.changed.deleted} verwijderd); de stand ervoor is versie ${result.before.version}`,
    })
    res.json(result)
  })
}
