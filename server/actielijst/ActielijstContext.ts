/** What the actielijst routes get: the core's context, the stores they read and access. */
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../access/authorize'
import type { CoreContext } from '../core/CoreContext'
import type { SessionStore } from '../sessions/SessionStore'
import type { ActieStore } from './ActieStore'

export type ActielijstContext = CoreContext & {
  sessions: SessionStore
  actielijst: ActieStore
  access: AccessService
  authorize: Authorize
  /** PUBLIC_URL, for the calendar link; null: the request's own origin. */
  publicUrl: string | null
}
