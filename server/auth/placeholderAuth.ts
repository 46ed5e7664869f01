/**
 * Placeholder policy until accounts and invites exist (issue 4): everyone may
 * do everything; the admin token (as bearer header, or `?token=` on the
 * websocket) is recognised so that it resolves to the admin actor.
 */
import type { IncomingMessage } from 'node:http'
import { bearerToken } from './bearerToken'
import { safeEqual } from './safeEqual'
import type { Actor, AuthHooks } from './types'

export const ADMIN_ACTOR: Actor = { id: 'admin', kind: 'admin', name: 'Admin', role: 'themacoordinator' }
export const ANONYMOUS_ACTOR: Actor = { id: 'anonymous', kind: 'anonymous' }

function queryToken(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost')
  return url.searchParams.get('token')
}

export function placeholderAuth(opts: { adminToken?: string | undefined }): AuthHooks {
  const isAdmin = (token: string | null): boolean =>
    Boolean(opts.adminToken && token && safeEqual(token, opts.adminToken))
  return {
    async resolveActor(req) {
      return isAdmin(bearerToken(req)) ? ADMIN_ACTOR : ANONYMOUS_ACTOR
    },
    async can() {
      return true
    },
    async authenticateConnection(req) {
      const actor = isAdmin(queryToken(req)) || isAdmin(bearerToken(req)) ? ADMIN_ACTOR : ANONYMOUS_ACTOR
      return { actor, readOnly: false }
    },
  }
}
