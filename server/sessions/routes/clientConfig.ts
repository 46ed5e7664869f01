import type { Router } from 'express'
import type { ClientConfig } from '../../../shared/api'
import type { SessionsContext } from '../SessionsContext'

/** GET /api/config → the runtime configuration of the browser client. */
export function clientConfigRoute(router: Router, ctx: SessionsContext): void {
  router.get('/config', ctx.authorize('config:read'), (_req, res) => {
    const body: ClientConfig = { tldrawLicenseKey: ctx.tldrawLicenseKey }
    res.json(body)
  })
}
