/**
 * The cookies of a login or join (P13, P14): `bp_session` (HttpOnly, the
 * secret) and `bp_csrf` (readable by the page, copied into X-Brownpaper-CSRF).
 */
import type { Request, Response } from 'express'
import { CSRF_COOKIE } from '../../shared/access'
import { SESSION_COOKIE } from './AccessService'
import { csrfTokenFor } from './tokens'

export function setSessionCookies(req: Request, res: Response, sessionToken: string, expiresAt: string): string {
  const csrf = csrfTokenFor(sessionToken)
  const base = { sameSite: 'lax' as const, secure: req.secure, path: '/', expires: new Date(expiresAt) }
  res.cookie(SESSION_COOKIE, sessionToken, { ...base, httpOnly: true })
  res.cookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false })
  return csrf
}

export function clearSessionCookies(req: Request, res: Response): void {
  const base = { sameSite: 'lax' as const, secure: req.secure, path: '/' }
  res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true })
  res.clearCookie(CSRF_COOKIE, base)
}
