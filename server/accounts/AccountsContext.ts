/** What the account routes get: the core's context, access services and the link store. */
import type { AccessService } from '../access/AccessService'
import type { AttemptLimiters } from '../access/attemptLimits'
import type { Authorize } from '../access/authorize'
import type { CoreContext } from '../core/CoreContext'
import type { AccountLinkStore } from './AccountLinkStore'
import type { AttendanceStore } from './AttendanceStore'

export type AccountsContext = CoreContext & {
  access: AccessService
  authorize: Authorize
  /** U3, U9: the same failure budgets as join (a token tried) and login (a password tried). */
  attempts: AttemptLimiters
  links: AccountLinkStore
  /** U12, U14: who was there. */
  attendance: AttendanceStore
  /** PUBLIC_URL: origin of account links; null means the request's own origin. */
  publicUrl: string | null
  now: () => Date
}
