import type { Router } from 'express'
import type { RouteContext } from './context'

/** GET /api/health → 200 when ready, 503 while shutting down. */
export function healthRoute(router: Router, ctx: RouteContext): void {
  router.get('/health', ctx.authorize('health:read'), (_req, res) => {
    if (ctx.isReady()) res.json({ status: 'ok' })
    else res.status(503).json({ error: 'not_ready', message: 'De server stopt (shutting down)' })
  })
}
