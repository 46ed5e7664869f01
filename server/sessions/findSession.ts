import type { SessionSummary } from '../../shared/api'
import { isSessionId } from '../../shared/sessionId'
import { sessionNotFound } from '../http/errors'
import type { SessionStore } from '../storage/Storage'

/** The session of a route's `:id`, or a 404 session_not_found (also for a malformed id). */
export async function findSession(sessions: SessionStore, id: unknown): Promise<SessionSummary> {
  const found = isSessionId(id) ? await sessions.get(id) : null
  if (!found) throw sessionNotFound(String(id))
  return found
}
