/**
 * The routes of a running app, read from Express's router: what the access
 * matrix and the hostile-body test walk, so that a new route is covered
 * without being listed by hand.
 */
import type { Express } from 'express'

export interface AppRoute {
  method: string
  /** With the `/api` prefix, parameters as `:name`. */
  path: string
  /** The route's handlers, in order (authorize() tags the first). */
  handles: unknown[]
}

export function appRoutes(app: Express): AppRoute[] {
  interface Layer {
    route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] }
    handle?: { stack?: Layer[] }
  }
  const routes: AppRoute[] = []
  const top = (app as unknown as { router: { stack: Layer[] } }).router.stack
  for (const mounted of top) {
    for (const layer of mounted.handle?.stack ?? []) {
      if (!layer.route) continue
      for (const method of Object.keys(layer.route.methods)) {
        routes.push({ method: method.toUpperCase(), path: `/api${layer.route.path}`, handles: layer.route.stack.map((l) => l.handle) })
      }
    }
  }
  return routes
}
