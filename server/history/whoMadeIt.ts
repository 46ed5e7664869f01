/**
 * The person behind a transaction origin, as a history version names them
 * (H2): a connection's grant or an API change made on someone's behalf
 * (the core's actorOfOrigin), or nobody for the server's own changes.
 */
import { isActor } from '../access/Actor'
import type { Principal } from '../core/Grant'
import { actorOfOrigin } from '../core/origins'

/** A short display name: "Anna de Vries", "Piet (Zorggroep Noord)", "Beheer (token)". */
export function displayName(principal: Principal): string {
  if (!isActor(principal)) return principal.id
  switch (principal.kind) {
    case 'user':
      return principal.name || principal.email
    case 'participant':
      return principal.organisation ? `${principal.name} (${principal.organisation})` : principal.name
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
