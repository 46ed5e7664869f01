/**
 * Secrets handed to browsers and automation (session cookies, invite and
 * setup tokens): 256 random bits, base64url. Only their SHA-256 is stored, so
 * a copy of the database grants nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The CSRF token of a cookie session: derived from its secret, so nothing more is stored. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url')
}

/** Constant-time string comparison (for the admin token and CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest()
  const right = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(left, right) && a.length === b.length
}

export function newId(): string {
  return randomBytes(9).toString('base64url')
}
