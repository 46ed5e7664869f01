/** What the session routes get: the core's context, the session index and access. */
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../access/authorize'
import type { CoreContext } from '../core/CoreContext'
import type { SessionStore } from './SessionStore'

export type SessionsContext = CoreContext & {
  storage: { sessions: SessionStore }
  access: AccessService
  authorize: Authorize
  tldrawLicenseKey: string | null
}
