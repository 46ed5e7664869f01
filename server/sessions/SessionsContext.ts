/** What the session routes get: the core's context, the session index and access. */
import type { AddStickyResponse } from '../../shared/api'
import type { SessionSummary } from '../../shared/api'
import type { Tag } from '../../shared/tags'
import type { Actor } from '../access/Actor'
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../access/authorize'
import type { CoreContext } from '../core/CoreContext'
import type { SessionStore } from './SessionStore'

export type SessionsContext = CoreContext & {
  storage: { sessions: SessionStore }
  access: AccessService
  authorize: Authorize
  tldrawLicenseKey: string | null
  holdSticky?: HoldSticky
}

/**
 * Lets a feature hold a sticky posted through the API instead of placing it
 * on the board (facilitation F6: a deelnemer's sticky during stil-schrijven).
 * Answers the 201 body, or null to place the sticky as usual.
 */
export type HoldSticky = (session: SessionSummary, actor: Actor, body: { text: string; tag: Tag; sheet?: string | undefined }) => Promise<AddStickyResponse | null>
