/** The Auth the authorization middleware resolved for a request (res.locals.auth). */
import type { Response } from 'express'
import type { Auth } from './AccessService'
import type { Actor } from './Actor'

export function authOf(res: Response): Auth | null {
  const auth: unknown = res.locals.auth
  return typeof auth === 'object' && auth !== null && 'actor' in auth ? (auth as Auth) : null
}

/** The caller of a request that went through the authorization middleware. */
export function callerOf(res: Response): Actor {
  const auth = authOf(res)
  if (!auth) throw new Error('route without authorize()')
  return auth.actor
}
