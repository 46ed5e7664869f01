/** What the regelruimte routes need besides the core's RouteContext. */
import type { RouteContext } from '../routes/context'
import type { RegelruimteStatusTracker } from './RegelruimteStatusTracker'

export type RegelruimteContext = RouteContext & {
  /** Records status changes; routes wait for it before answering. */
  regelruimteTracker: RegelruimteStatusTracker
}
