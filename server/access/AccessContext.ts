/** What the access routes need besides the core's RouteContext (which carries `access`). */
import type { RequestHandler } from 'express'
import type { RouteContext } from '../routes/context'

export type AccessContext = RouteContext & {
  /** P16: shared by login, setup and join. */
  attemptLimiter: RequestHandler
}
