/** What every route file receives: the server's services, nothing global. */
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../auth/authorize'
import type { Logger } from '../log'
import type { Storage } from '../storage/Storage'
import type { RoomManager } from '../yjs/RoomManager'

export interface RouteContext {
  storage: Storage
  rooms: RoomManager
  authorize: Authorize
  /** Identities, invites, themagroepen and the audit log (server/access/). */
  access: AccessService
  log: Logger
  tldrawLicenseKey: string | null
  /** PUBLIC_URL: origin of join links; null means the request's own origin. */
  publicUrl: string | null
  /** Whether the server is ready to serve (false while shutting down). */
  isReady(): boolean
}
