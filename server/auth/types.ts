/**
 * The auth hooks of the server core. The policy behind them (accounts,
 * invites, roles: server/access/) decides; the core only calls these.
 */
import type { IncomingMessage } from 'node:http'
import type { Actor } from '../access/Actor'

export type { Actor } from '../access/Actor'
export type { Action } from '../access/policy'

/** What a websocket connection may do in its session. */
export interface Grant {
  actor: Actor
  /** A read-only grant (waarnemer) may read and show presence; its document updates are refused (P6). */
  readOnly: boolean
  /** When the grant ends (login or invite expiry): the socket is closed then (W19). */
  expiresAt?: string
  /** The login (cookie session) it came from, as its token's SHA-256: logout closes its sockets (W18). */
  loginKey?: string
}

/** A refused websocket: closed with `code` (CloseCode.Unauthorized, Forbidden, UnknownSession). */
export interface Refusal {
  code: number
  reason: string
}

export interface AuthHooks {
  /** Who makes this HTTP request (bearer token, session cookie, …). */
  resolveActor(req: IncomingMessage): Promise<Actor>
  /** The grant of a websocket connection to a session, or the close code refusing it (P2–P5); null = Unauthorized. */
  authenticateConnection(req: IncomingMessage, sessionId: string): Promise<Grant | Refusal | null>
}
