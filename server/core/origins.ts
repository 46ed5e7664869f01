/**
 * Transaction origins on a room's Y.Doc. The room persists and broadcasts
 * every update except LOAD_ORIGIN; a connection's own updates (origin = the
 * Connection) are broadcast to everyone but that connection.
 *
 * Every origin that stands for someone carries its actor (`{ actor }`): a
 * Connection (its grant's actor) and an ActorOrigin (a change the server
 * makes on someone's behalf). Extensions ask `actorOfOrigin`, never
 * `instanceof Connection`.
 */
import type { Principal } from './Grant'

export const LOAD_ORIGIN = Object.freeze({ origin: 'load' as const })
export const SERVER_ORIGIN = Object.freeze({ origin: 'server' as const })
/** An update another instance stored already (X15): broadcast to this instance's connections, not stored again. */
export const REMOTE_ORIGIN = Object.freeze({ origin: 'remote' as const })

/**
 * Transaction origin of a change the server makes on someone's behalf (e.g.
 * PATCH /api/regelruimte/…). Like SERVER_ORIGIN it is stored and broadcast to
 * every connection (S8); hooks that observe the doc read who made it.
 */
export class ActorOrigin {
  readonly origin = 'server' as const
  constructor(readonly actor: Principal) {}
}

/** The actor behind a transaction origin (a connection or an ActorOrigin), or null (the server itself, a load). */
export function actorOfOrigin(origin: unknown): Principal | null {
  if (typeof origin !== 'object' || origin === null || !('actor' in origin)) return null
  const actor: unknown = origin.actor
  if (typeof actor !== 'object' || actor === null || !('kind' in actor) || !('id' in actor)) return null
  return typeof actor.kind === 'string' && typeof actor.id === 'string' ? (actor as Principal) : null
}
