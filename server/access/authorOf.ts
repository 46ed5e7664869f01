/**
 * Sticky authorship from the server's side (SPEC P7): a participant or an
 * account is the author of what it adds through the API, whatever the body
 * claims; only automation (the admin token) names an author freely.
 */
import type { Author } from '../../shared/sticky'
import type { Actor } from './Actor'

export function authorOf(actor: Actor, requested: Author | undefined): Author | undefined {
  switch (actor.kind) {
    case 'participant':
      return { id: actor.id, name: actor.name, organisation: actor.organisation }
    case 'user':
      // The same id the client gives an account's identity (participantFromMe).
      return { id: `user-${actor.id}`, name: actor.name || actor.email, organisation: requested?.organisation ?? '' }
    default:
      return requested
  }
}
