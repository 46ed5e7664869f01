/**
 * The person behind a transaction origin, as a history version names them
 * (H2): a connection's grant, an API change made on someone's behalf
 * (ActorOrigin), or nobody for the server's own changes.
 */
import type { Actor } from '../access/Actor'

function actorOfOrigin(origin: unknown): Actor | null {
  if (typeof origin !== 'object' || origin === null) return null
  if ('grant' in origin) {
    const grant = (origin as { grant: unknown }).grant
    if (typeof grant === 'object' && grant !== null && 'actor' in grant) return (grant as { actor: Actor }).actor
  }
  if ('actor' in origin) return (origin as { actor: Actor }).actor
  return null
}

/** A short display name: "Anna de Vries", "Piet (Zorggroep Noord)", "Beheer (token)". */
export function displayName(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.name || actor.email
    case 'participant':
      return actor.organisation ? `${actor.name} (${actor.organisation})` : actor.name
    case 'admin':
      return 'Beheer (token)'
    case 'anonymous':
      return 'anoniem'
  }
}

export function whoMadeIt(origin: unknown): string | null {
  const actor = actorOfOrigin(origin)
  return actor ? displayName(actor) : null
}
