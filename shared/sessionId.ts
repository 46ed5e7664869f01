/**
 * Session ids double as Yjs room names and URL segments, so they are
 * validated everywhere they enter: 8–64 characters of [A-Za-z0-9_-].
 */
import { z } from 'zod'

export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

export const sessionIdSchema = z.string().regex(SESSION_ID_PATTERN, 'invalid session id')

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value)
}
