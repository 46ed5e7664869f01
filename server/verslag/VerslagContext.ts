/** What the verslag routes get: the core's context, the session index, the verslag stores and access. */
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../access/authorize'
import type { CoreContext } from '../core/CoreContext'
import type { SessionStore } from '../sessions/SessionStore'
import type { PictureStore, VersionStore } from './VerslagStores'

export type VerslagContext = CoreContext & {
  storage: { sessions: SessionStore; versions: VersionStore; pictures: PictureStore }
  access: AccessService
  authorize: Authorize
}
