/**
 * Facilitation as an extension (SPEC F1–F21): the private-sticky store
 * (FACILITATION_STORES), the service and the routes — phases, timer,
 * private silent writing, dot votes, templates. server/app.ts hands its
 * `holdSticky` to the sessions extension, whose POST …/stickies asks it
 * first (a deelnemer's sticky during stil-schrijven is held privately).
 */
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { HoldSticky } from '../sessions/SessionsContext'
import type { SessionStore } from '../sessions/SessionStore'
import { facilitationRoutes } from './facilitationRoutes'
import { FacilitationService, holdsPrivately } from './FacilitationService'
import { FACILITATION_STORES } from './facilitationStoreDefinition'
import type { PrivateStickyStore } from './PrivateStickyStore'

export interface FacilitationExtensionOptions {
  backend: Backend
  sessions: SessionStore
  access: Pick<AccessExtension, 'authorize'>
}

export interface FacilitationExtension extends Extension {
  readonly stores: { privateStickies: PrivateStickyStore }
  /** For the sessions extension's POST …/stickies (F6): holds a deelnemer's sticky during stil-schrijven. */
  readonly holdSticky: HoldSticky
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
    async holdSticky(session, actor, body) {
      if (!ready) throw new Error('facilitation: used before configure')
      const { phase } = await ready.service.read(session.id)
      if (!holdsPrivately(actor, phase)) return null
      const held = await ready.service.addPrivate(session.id, actor, { text: body.text, tag: body.tag, sheet: body.sheet })
      return { id: held.id, sheetId: null, private: true }
    },
    routes(router) {
      if (!ready) throw new Error('facilitation: routes before configure')
      facilitationRoutes(ready.service)(router, { authorize: opts.access.authorize, rooms: ready.rooms, storage: { sessions: opts.sessions } })
    },
  }
}
