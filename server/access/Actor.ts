/**
 * The caller of a request or websocket, as the policy sees it. Resolved once
 * per request from the session cookie, the bearer token or `?token=`.
 */
import type { AccountRole, InviteRole } from '../../shared/access'
import type { Principal } from '../core/Grant'

export type Actor =
  | { kind: 'anonymous'; id: 'anonymous'; name?: string }
  /** `BROWNPAPER_ADMIN_TOKEN`: automation, a coördinator of every themagroep. */
  | { kind: 'admin'; id: 'admin'; name?: string }
  /** A signed-in account (themacoördinator or secretariaat). */
  | {
      kind: 'user'
      id: string
      email: string
      name: string
      role: AccountRole
      /** Names of the themagroepen the account is a member of. */
      themagroepen: readonly string[]
    }
  /** Someone who joined one session from an invite link (no account). */
  | {
      kind: 'participant'
      id: string
      name: string
      organisation: string
      role: InviteRole
      sessionId: string
      inviteId: string
    }

export const ANONYMOUS: Actor = { kind: 'anonymous', id: 'anonymous', name: 'anoniem' }
export const ADMIN: Actor = { kind: 'admin', id: 'admin', name: 'Beheer (token)' }

/** A stable, human-readable id for the audit log. */
export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous'
    case 'admin':
      return 'admin'
    case 'user':
      return `user:${actor.id}`
    case 'participant':
      return `participant:${actor.id}`
  }
}

export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anoniem'
    case 'admin':
      return 'beheer (token)'
    case 'user':
      return actor.name ? `${actor.name} <${actor.email}>` : actor.email
    case 'participant':
      return `${actor.name} (${actor.organisation}, ${actor.role})`
  }
}

const ACTOR_KINDS: ReadonlySet<string> = new Set(['anonymous', 'admin', 'user', 'participant'])

/** Whether the core's Principal (a grant's or a transaction origin's actor) is an access Actor. */
export function isActor(principal: Principal): principal is Actor {
  return ACTOR_KINDS.has(principal.kind)
}
