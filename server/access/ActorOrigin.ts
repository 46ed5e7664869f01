/**
 * Transaction origin of a change the server makes on someone's behalf (e.g.
 * PATCH /api/regelruimte/…). Like SERVER_ORIGIN it is stored and broadcast to
 * every connection (S8); hooks that observe the doc read who made it.
 */
import type { Actor } from './Actor'

export class ActorOrigin {
  readonly origin = 'server' as const
  constructor(readonly actor: Actor) {}
}
