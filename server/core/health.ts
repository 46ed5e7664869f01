import type { Router } from 'express'
import type { CoreContext } from './CoreContext'

/** GET /api/health → 200 when ready, 503 while shutting down. Public: no credentials are read. */
export function healthRoute(router: Router, ctx: CoreContext): void {
  router.get('/health', (_req, res) => {
    if (ctx.isReady()) res.json({ status: 'ok' })
    else res.status(503).json({ error: 'not_ready', message: 'De server stopt (shutting down)' })
  })
}
