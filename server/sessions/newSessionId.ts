import { randomBytes } from 'node:crypto'
import { SESSION_ID_PATTERN } from '../../shared/sessionId'

/** A random, unguessable session id: 16 characters of base64url (96 bits). */
export function newSessionId(): string {
  const id = randomBytes(12).toString('base64url')
  if (!SESSION_ID_PATTERN.test(id)) throw new Error('generated an invalid session id')
  return id
}
