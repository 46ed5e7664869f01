/** What the access routes need besides the core's RouteContext. */
import type { RequestHandler } from 'express'
import type { RouteContext } from '../routes/context'
import type { AccessService } from './AccessService'

export type AccessContext = RouteContext & {
  access: AccessService
  /** P16: shared by login, setup and join. */
  attemptLimiter: RequestHandler
}
