/** What the access routes need besides the core's RouteContext (which carries `access`). */
import type { RouteContext } from '../routes/context'
import type { AttemptLimiters } from './attemptLimits'

export type AccessContext = RouteContext & {
  /** P16, P22: failed attempts limited per account and per address, separately for login, setup and join. */
  attempts: AttemptLimiters
}
