/** What the access routes get: the core's context and the access services. */
import type { RequestHandler } from 'express'
import type { CoreContext } from '../core/CoreContext'
import type { AccessService } from './AccessService'
import type { Authorize } from './authorize'
import type { SessionLookup } from './findSession'

export type AccessContext = CoreContext & {
  storage: { sessions: SessionLookup }
  /** Identities, invites, themagroepen and the audit log. */
  access: AccessService
  authorize: Authorize
  /** PUBLIC_URL: origin of join links; null means the request's own origin. */
  publicUrl: string | null
  /** P16: shared by login, setup and join. */
  attemptLimiter: RequestHandler
}
