/**
 * The auth hooks of the server. The core only calls these; the policy behind
 * them (accounts, invites, roles) is pluggable: pass your own to startServer.
 */
import type { IncomingMessage } from 'node:http'

/** Who makes a request or holds a connection. */
export interface Actor {
  /** Stable id: 'admin', 'anonymous', or a user / invite id. */
  id: string
  kind: 'admin' | 'anonymous' | 'user' | 'invite'
  /** Display name, when known. */
  name?: string
  /** Role in the session, when the actor is bound to one. */
  role?: string
}

/** What a websocket connection may do in its session. */
export interface Grant {
  actor: Actor
  /** A read-only grant (waarnemer) may read and show presence; its document updates are refused. */
  readOnly: boolean
}

/** Every HTTP action name, one per route (see authorize.ts). */
export type Action =
  | 'health:read'
  | 'config:read'
  | 'session:create'
  | 'session:list'
  | 'session:read'
  | 'sticky:create'
  | (string & {})

export interface AuthHooks {
  /** Who makes this HTTP request (bearer token, cookie, …). */
  resolveActor(req: IncomingMessage): Promise<Actor>
  /** Whether `actor` may perform `action`, on session `sessionId` when the route has one. */
  can(actor: Actor, action: Action, sessionId: string | null): Promise<boolean>
  /** The grant of a websocket connection to a session, or null to refuse it (closed with Unauthorized). */
  authenticateConnection(req: IncomingMessage, sessionId: string): Promise<Grant | null>
}
