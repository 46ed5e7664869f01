/** What the access routes get: the core's context and the access services. */
import type { CoreContext } from '../core/CoreContext'
import type { AccessService } from './AccessService'
import type { AttemptLimiters } from './attemptLimits'
import type { Authorize } from './authorize'
import type { SessionLookup } from './findSession'

export type AccessContext = CoreContext & {
  storage: { sessions: SessionLookup }
  /** Identities, invites, themagroepen and the audit log. */
  access: AccessService
  authorize: Authorize
  /** PUBLIC_URL: origin of join links; null means the request's own origin. */
  publicUrl: string | null
  /** P16, P22: failed attempts limited per account and per address, separately for login, setup and join. */
  attempts: AttemptLimiters
}
