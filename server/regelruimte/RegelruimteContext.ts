/** What the regelruimte routes get: the core's context, the stores they read and the status tracker. */
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../access/authorize'
import type { CoreContext } from '../core/CoreContext'
import type { DocStore } from '../core/storage/DocStore'
import type { SessionStore } from '../sessions/SessionStore'
import type { RegelruimteStatusStore } from './RegelruimteStatusStore'
import type { RegelruimteStatusTracker } from './RegelruimteStatusTracker'

export type RegelruimteContext = CoreContext & {
  storage: { sessions: SessionStore; docs: DocStore; regelruimteStatus: RegelruimteStatusStore }
  access: AccessService
  authorize: Authorize
  /** Records status changes; routes wait for it before answering. */
  regelruimteTracker: RegelruimteStatusTracker
}
