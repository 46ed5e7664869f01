/**
 * The websocket hook (P2–P6, P14): who opens `/yjs/<sessionId>` and whether
 * the connection may read, write or nothing. Credentials: `?token=` (invite
 * or admin token, as the stock y-websocket client sends `params: { token }`),
 * `Authorization: Bearer`, or the session cookie from the same origin.
 */
import type { IncomingMessage } from 'node:http'
import { CloseCode } from '../../shared/closeCodes'
import type { AccessService } from './AccessService'
import type { Actor } from './Actor'
import type { SessionLookup } from './findSession'
import { can } from './policy'
import { hashToken } from './tokens'

export type ConnectionDecision =
  | { ok: true; actor: Actor; readOnly: boolean; expiresAt?: string; credential?: string }
  | { ok: false; code: number; reason: string }

function queryToken(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get('token')
}

/**
 * P14: a cookie-authenticated upgrade must come from a page of this server:
 * its Origin names the Host it asked for (or, behind a reverse proxy, the
 * forwarded host or PUBLIC_URL's host).
 */
function sameOrigin(req: IncomingMessage, publicUrl: string | null): boolean {
  const origin = req.headers.origin
  if (!origin) return true // not a browser: it cannot have been lured into sending our cookie
  const forwarded = req.headers['x-forwarded-host']
  const hosts = [req.headers.host, typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined]
  try {
    if (publicUrl) hosts.push(new URL(publicUrl).host)
    return hosts.includes(new URL(origin).host)
  } catch {
    return false
  }
}

export async function authenticateConnection(
  access: AccessService,
  sessions: SessionLookup,
  req: IncomingMessage,
  sessionId: string,
  publicUrl: string | null = null,
): Promise<ConnectionDecision> {
  const session = await sessions.get(sessionId)
  if (!session) return { ok: false, code: CloseCode.UnknownSession, reason: 'UnknownSession' }
  const auth = await access.resolve(req, queryToken(req))
  if (auth.via === 'cookie' && !sameOrigin(req, publicUrl)) return { ok: false, code: CloseCode.Forbidden, reason: 'Forbidden' }
  const resource = { sessionId: session.id, themagroep: session.themagroep }
  const read = can(auth.actor, 'board:read', resource)
  if (!read.allow) {
    return read.status === 401
      ? { ok: false, code: CloseCode.Unauthorized, reason: 'Unauthorized' }
      : { ok: false, code: CloseCode.Forbidden, reason: 'Forbidden' }
  }
  // What a writer may change, record by record, is the write filter's (server/integrity/, W1–W17).
  const readOnly = !can(auth.actor, 'board:write', resource).allow
  // The socket lives as long as its grant (W18, W19).
  const expiresAt = await access.expiryOf(auth)
  return {
    ok: true,
    actor: auth.actor,
    readOnly,
    ...(expiresAt ? { expiresAt } : {}),
    ...(auth.via === 'cookie' && auth.sessionToken ? { credential: hashToken(auth.sessionToken) } : {}),
  }
}
