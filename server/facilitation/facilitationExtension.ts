/**
 * Facilitation as an extension (SPEC F1–F21): the private-sticky store
 * (FACILITATION_STORES), the service and the routes — phases, timer,
 * private silent writing, dot votes, templates. server/app.ts composes it
 * before `sessions`, so that its POST …/stickies sees a deelnemer's sticky
 * during stil-schrijven first and passes every other one on.
 */
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { SessionStore } from '../sessions/SessionStore'
import { facilitationRoutes } from './facilitationRoutes'
import { FacilitationService } from './FacilitationService'
import { FACILITATION_STORES } from './facilitationStoreDefinition'
import type { PrivateStickyStore } from './PrivateStickyStore'

export interface FacilitationExtensionOptions {
  backend: Backend
  sessions: SessionStore
  access: Pick<AccessExtension, 'authorize'>
}

export interface FacilitationExtension extends Extension {
  readonly stores: { privateStickies: PrivateStickyStore }
}

export function facilitationExtension(opts: FacilitationExtensionOptions): FacilitationExtension {
  const privateStickies = opts.backend.stores(FACILITATION_STORES)
  let ready: { service: FacilitationService; rooms: CoreContext['rooms'] } | null = null
  return {
    name: 'facilitation',
    stores: { privateStickies },
    configure(core) {
      ready = { service: new FacilitationService(core.rooms, privateStickies, core.log), rooms: core.rooms }
    },
    routes(router) {
      if (!ready) throw new Error('facilitation: routes before configure')
      facilitationRoutes(ready.service)(router, { authorize: opts.access.authorize, rooms: ready.rooms, storage: { sessions: opts.sessions } })
    },
  }
}
