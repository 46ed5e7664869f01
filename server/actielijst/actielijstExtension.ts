/**
 * The actielijst as an extension (SPEC A1–A9): its store (ACTIE_STORES) and
 * routes. server/app.ts composes it.
 */
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { SessionStore } from '../sessions/SessionStore'
import type { ActieStores } from './ActieStore'
import { ACTIE_STORES } from './actieStoreDefinition'
import { actielijstRoutes } from './routes/actielijstRoutes'

export interface ActielijstExtensionOptions {
  backend: Backend
  sessions: SessionStore
  access: Pick<AccessExtension, 'access' | 'authorize'>
  publicUrl: string | null
}

export interface ActielijstExtension extends Extension {
  readonly stores: ActieStores
}

export function actielijstExtension(opts: ActielijstExtensionOptions): ActielijstExtension {
  const stores = opts.backend.stores(ACTIE_STORES)
  let core: CoreContext | null = null
  return {
    name: 'actielijst',
    stores,
    configure(context) {
      core = context
    },
    routes(router) {
      if (!core) throw new Error('actielijst: routes before configure')
      actielijstRoutes(router, {
        ...core,
        sessions: opts.sessions,
        actielijst: stores.actielijst,
        access: opts.access.access,
        authorize: opts.access.authorize,
        publicUrl: opts.publicUrl,
      })
    },
  }
}
