import type { SessionSummary } from '../../shared/api'
import { isSessionId } from '../../shared/sessionId'
import { sessionNotFound } from '../core/http/errors'

/** What access needs of the session index (server/sessions/ provides it): a session by id. */
export interface SessionLookup {
  get(id: string): Promise<SessionSummary | null>
}

/** The session of a route's `:id`, or a 404 session_not_found (also for a malformed id). */
export async function findSession(sessions: SessionLookup, id: unknown): Promise<SessionSummary> {
  const found = isSessionId(id) ? await sessions.get(id) : null
  if (!found) throw sessionNotFound(String(id))
  return found
}
