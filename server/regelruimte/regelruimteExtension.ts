/**
 * The regelruimte register as an extension: the status history store
 * (REGELRUIMTE_STORES), the status tracker (onLoad) and the register
 * routes. server/app.ts composes it.
 */
import type { Router } from 'express'
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { SessionStore } from '../sessions/SessionStore'
import type { RegelruimteContext } from './RegelruimteContext'
import type { RegelruimteStores } from './RegelruimteStatusStore'
import { RegelruimteStatusTracker } from './RegelruimteStatusTracker'
import { REGELRUIMTE_STORES } from './regelruimteStoreDefinition'
import { getRegelruimteCsvRoute, getRegelruimteXlsxRoute } from './routes/getRegelruimteCsv'
import { getRegelruimteJsonRoute } from './routes/getRegelruimteJson'
import { patchRegelruimteStatusRoute } from './routes/patchRegelruimteStatus'
import { conclusieHerkomstRoutes } from './routes/conclusieHerkomst'

export interface RegelruimteExtensionOptions {
  backend: Backend
  sessions: SessionStore
  access: Pick<AccessExtension, 'access' | 'authorize'>
}

export interface RegelruimteExtension extends Extension {
  readonly stores: RegelruimteStores
}

const REGELRUIMTE_ROUTES: ((router: Router, ctx: RegelruimteContext) => void)[] = [
  getRegelruimteJsonRoute,
  getRegelruimteCsvRoute,
  getRegelruimteXlsxRoute,
  patchRegelruimteStatusRoute,
  conclusieHerkomstRoutes,
]

export function regelruimteExtension(opts: RegelruimteExtensionOptions): RegelruimteExtension {
  const stores = opts.backend.stores(REGELRUIMTE_STORES)
  let core: CoreContext | null = null
  let tracker: RegelruimteStatusTracker | null = null

  return {
    name: 'regelruimte',
    stores,
    configure(context) {
      core = context
      tracker = new RegelruimteStatusTracker(stores.regelruimteStatus, context.log)
    },
    routes(router) {
      if (!core || !tracker) throw new Error('regelruimte: routes before configure')
      const ctx: RegelruimteContext = {
        ...core,
        storage: { sessions: opts.sessions, docs: core.docs, regelruimteStatus: stores.regelruimteStatus },
        access: opts.access.access,
        authorize: opts.access.authorize,
        regelruimteTracker: tracker,
      }
      for (const route of REGELRUIMTE_ROUTES) route(router, ctx)
    },
    onLoad(room) {
      tracker?.attach(room)
    },
    async onStopped() {
      await tracker?.idle()
    },
  }
}
