/**
 * Everything the regelruimte register adds to the server core: the status
 * tracker (a RoomManager onLoad hook) and the register routes. app.ts calls
 * this once.
 */
import type { RouteModule } from '../app'
import type { Logger } from '../log'
import { getRegelruimteCsvRoute } from '../routes/getRegelruimteCsv'
import { getRegelruimteJsonRoute } from '../routes/getRegelruimteJson'
import { patchRegelruimteStatusRoute } from '../routes/patchRegelruimteStatus'
import type { Storage } from '../storage/Storage'
import { RegelruimteStatusTracker } from './RegelruimteStatusTracker'

export interface RegelruimteSetup {
  tracker: RegelruimteStatusTracker
  routes: RouteModule[]
}

export function setupRegelruimte(storage: Storage, log: Logger): RegelruimteSetup {
  const tracker = new RegelruimteStatusTracker(storage.regelruimteStatus, log)
  return {
    tracker,
    routes: [getRegelruimteJsonRoute, getRegelruimteCsvRoute, patchRegelruimteStatusRoute].map(
      (route): RouteModule =>
        (router, ctx) =>
          route(router, { ...ctx, regelruimteTracker: tracker }),
    ),
  }
}
