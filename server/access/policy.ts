/**
 * The permission matrix of SPEC.md ("Permissions", rules P1–P13) as one pure
 * function. The HTTP authorization middleware and the websocket hook both
 * ask it; nothing else decides who may do what.
 */
import { sameThemagroep } from '../../shared/themagroepName'
import type { Actor } from './Actor'

export const ACTIONS = [
  // P1: public
  'health:read',
  'config:read',
  'auth:public',
  // P4, P9: sessions
  'session:list',
  'session:create',
  'session:import',
  'session:read',
  'session:update',
  // P5–P7: the board
  'board:read',
  'board:write',
  'sticky:create',
  // P8: verslag and register
  'verslag:read',
  'verslag:export',
  'verslag:vaststellen',
  'regelruimte:read',
  'regelruimte:update',
  // F2 (facil): phase, timer, vote budget, summon
  'facilitation:update',
  // P10: invites
  'invite:create',
  'invite:list',
  'invite:revoke',
  'invite:changeRole',
  // P11, P12
  'audit:read',
  'themagroep:list',
  'themagroep:addMember',
  // A1–A8: the actielijst of a themagroep (server/actielijst); its calendar feed is public behind a secret link
  'actielijst:read',
  'actielijst:update',
  'actielijst:feed',
  // U1–U12: accounts in the app (server/accounts)
  'account:invite',
  'account:list',
  'account:manage',
  'account:password',
  'themagroep:removeMember',
  // P21: board history (server/history)
  'history:read',
  'history:restore',
  // U12: who joined a session (server/accounts)
  'participants:read',
  // R13, R14: conclusies of earlier sessions of the themagroep, listed and taken over into this one (server/regelruimte)
  'conclusie:earlier',
  'conclusie:takeOver',
  // G1–G7 (privacy): find, erase and export a person; delete a session
  'privacy:search',
  'privacy:erase',
  'privacy:export',
  'session:delete',
] as const
export type Action = (typeof ACTIONS)[number]

/**
 * What the action is about. `sessionId` + `themagroep` for anything inside a
 * session; `themagroep` alone for creating a session or adding a member;
 * nothing for lists (they are filtered with `canSeeThemagroep`).
 */
export interface Resource {
  sessionId?: string
  themagroep?: string
  /** U4–U8: the themagroepen of the account an action is about (`:userId`). */
  accountThemagroepen?: readonly string[]
  /** For session.create: whether the named themagroep exists already. */
  themagroepExists?: boolean
}

export type Decision =
  | { allow: true; rule: string }
  | { allow: false; status: 401 | 403; rule: string; reason: string }

const PUBLIC: ReadonlySet<Action> = new Set(['health:read', 'config:read', 'auth:public', 'actielijst:feed'])

/** Actions inside one session, and which invite roles may take them. */
const SESSION_ACTIONS: Readonly<Partial<Record<Action, { rule: string; inviteRoles: readonly string[]; accountRoles: readonly string[] }>>> = {
  'session:read': { rule: 'P4', inviteRoles: ['deelnemer', 'waarnemer', 'secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'board:read': { rule: 'P5', inviteRoles: ['deelnemer', 'waarnemer', 'secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'board:write': { rule: 'P6', inviteRoles: ['deelnemer', 'secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'sticky:create': { rule: 'P7', inviteRoles: ['deelnemer', 'secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'verslag:read': { rule: 'P8', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'session:update': { rule: 'P8', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'verslag:export': { rule: 'P8', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'verslag:vaststellen': { rule: 'P8', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'regelruimte:update': { rule: 'P8', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'history:read': { rule: 'P21', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'history:restore': { rule: 'P21', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'facilitation:update': { rule: 'F2', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'participants:read': { rule: 'U12', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'conclusie:earlier': { rule: 'R13', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'conclusie:takeOver': { rule: 'R13', inviteRoles: ['secretariaat'], accountRoles: ['coordinator', 'secretariaat'] },
  'invite:create': { rule: 'P10', inviteRoles: [], accountRoles: ['coordinator'] },
  'invite:list': { rule: 'P10', inviteRoles: [], accountRoles: ['coordinator'] },
  'invite:revoke': { rule: 'P10', inviteRoles: [], accountRoles: ['coordinator'] },
  'invite:changeRole': { rule: 'W23', inviteRoles: [], accountRoles: ['coordinator'] },
  'session:delete': { rule: 'G6', inviteRoles: [], accountRoles: ['coordinator'] },
}

const allow = (rule: string): Decision => ({ allow: true, rule })
const deny = (status: 401 | 403, rule: string, reason: string): Decision => ({ allow: false, status, rule, reason })

/** P26: membership compares themagroep names normalised and case-insensitively. */
export function isMemberOf(themagroepen: readonly string[], themagroep: string): boolean {
  return themagroepen.some((name) => sameThemagroep(name, themagroep))
}

/** P4: whether the actor sees sessions of this themagroep (used to filter lists). */
export function canSeeThemagroep(actor: Actor, themagroep: string): boolean {
  if (actor.kind === 'admin') return true
  if (actor.kind === 'user') return isMemberOf(actor.themagroepen, themagroep)
  return false
}

/** P4: whether the actor sees this session (used to filter lists). */
export function canSeeSession(actor: Actor, session: { id: string; themagroep: string }): boolean {
  if (actor.kind === 'participant') return actor.sessionId === session.id
  return canSeeThemagroep(actor, session.themagroep)
}

/**
 * R1, R11: whether a session's requests are in the actor's register. An
 * invited secretariaat sees the sessions of its own session's themagroep
 * (`ownThemagroep`: that session's themagroep in the index, null when gone);
 * everyone else the sessions they see (P4).
 */
export function canSeeInRegister(actor: Actor, session: { id: string; themagroep: string }, ownThemagroep: string | null): boolean {
  if (actor.kind === 'participant') return actor.role === 'secretariaat' && ownThemagroep !== null && sameThemagroep(session.themagroep, ownThemagroep)
  return canSeeSession(actor, session)
}

export function can(actor: Actor, action: Action, resource: Resource = {}): Decision {
  if (PUBLIC.has(action)) return allow('P1')
  if (actor.kind === 'anonymous') return deny(401, 'P2', 'Log in of open een uitnodigingslink.')
  if (actor.kind === 'admin') return allow('P3')

  const sessionRule = SESSION_ACTIONS[action]
  if (sessionRule) {
    const { sessionId, themagroep } = resource
    if (sessionId === undefined || themagroep === undefined) return deny(403, sessionRule.rule, 'Onbekende sessie.')
    if (!canSeeSession(actor, { id: sessionId, themagroep })) {
      return deny(403, 'P4', 'Deze sessie hoort bij een themagroep waar je geen lid van bent.')
    }
    const roles = actor.kind === 'participant' ? sessionRule.inviteRoles : sessionRule.accountRoles
    if (!roles.includes(actor.role)) {
      return deny(403, sessionRule.rule, `De rol ${actor.role} mag dit niet (${action}).`)
    }
    return allow(sessionRule.rule)
  }

  switch (action) {
    case 'session:list':
      // Every identity may ask; the list holds only the sessions it sees (P4).
      return allow('P4')
    case 'session:create':
    case 'session:import': {
      if (actor.kind !== 'user' || actor.role !== 'coordinator') {
        return deny(403, 'P9', 'Alleen een themacoördinator maakt sessies aan.')
      }
      const { themagroep, themagroepExists } = resource
      // Import before parsing: the themagroep is checked again once known.
      if (themagroep === undefined) return allow('P9')
      if (isMemberOf(actor.themagroepen, themagroep) || themagroepExists === false) return allow('P9')
      return deny(403, 'P9', `Je bent geen lid van themagroep "${themagroep}".`)
    }
    case 'regelruimte:read':
      // The register across sessions: accounts, filtered to their themagroepen (P4).
      if (actor.kind === 'user') return allow('P12')
      // R11: an invited secretariaat, filtered to the themagroep of its session (canSeeInRegister).
      if (actor.kind === 'participant' && actor.role === 'secretariaat') return allow('R11')
      return deny(403, 'P12', 'Het register is voor accounts en het secretariaat van een sessie.')
    case 'themagroep:list':
      return actor.kind === 'user' ? allow('P12') : deny(403, 'P12', 'Alleen voor accounts.')
    case 'themagroep:addMember': {
      if (actor.kind !== 'user' || actor.role !== 'coordinator') return deny(403, 'P12', 'Alleen een themacoördinator voegt leden toe.')
      const { themagroep } = resource
      if (themagroep !== undefined && isMemberOf(actor.themagroepen, themagroep)) return allow('P12')
      return deny(403, 'P12', 'Je bent geen lid van deze themagroep.')
    }
    case 'actielijst:read':
    case 'actielijst:update': {
      // A1: accounts that are members of the themagroep (coördinatoren and secretariaat).
      const { themagroep } = resource
      if (actor.kind !== 'user') return deny(403, 'A1', 'De actielijst is alleen voor accounts van de themagroep.')
      if (themagroep !== undefined && isMemberOf(actor.themagroepen, themagroep)) return allow('A1')
      return deny(403, 'A1', 'Je bent geen lid van deze themagroep.')
    }
    case 'account:list':
      // U4: coördinatoren; the list holds only the members of their own themagroepen.
      return actor.kind === 'user' && actor.role === 'coordinator' ? allow('U1') : deny(403, 'U1', 'Alleen een themacoördinator beheert accounts.')
    case 'account:invite': {
      // U1: a coördinator invites into their own themagroepen only (an invalid body is the route's 400).
      if (actor.kind !== 'user' || actor.role !== 'coordinator') return deny(403, 'U1', 'Alleen een themacoördinator beheert accounts.')
      const groups = resource.accountThemagroepen ?? []
      if (groups.every((group) => isMemberOf(actor.themagroepen, group))) return allow('U1')
      return deny(403, 'U1', 'Je kunt alleen uitnodigen voor je eigen themagroepen.')
    }
    case 'account:manage': {
      // U5–U8: a coördinator acts on accounts that share one of their themagroepen.
      if (actor.kind !== 'user' || actor.role !== 'coordinator') return deny(403, 'U1', 'Alleen een themacoördinator beheert accounts.')
      const groups = resource.accountThemagroepen ?? []
      if (groups.some((group) => isMemberOf(actor.themagroepen, group))) return allow('U1')
      return deny(403, 'U1', 'Dit account hoort niet bij een van je themagroepen.')
    }
    case 'themagroep:removeMember': {
      if (actor.kind !== 'user' || actor.role !== 'coordinator') return deny(403, 'U5', 'Alleen een themacoördinator haalt leden weg.')
      const { themagroep } = resource
      if (themagroep !== undefined && isMemberOf(actor.themagroepen, themagroep)) return allow('U5')
      return deny(403, 'U5', 'Je bent geen lid van deze themagroep.')
    }
    case 'account:password':
      // U9: every signed-in account changes its own password.
      return actor.kind === 'user' ? allow('U9') : deny(403, 'U9', 'Alleen een account heeft een wachtwoord.')
    case 'audit:read':
      return actor.kind === 'user' && actor.role === 'coordinator'
        ? allow('P11')
        : deny(403, 'P11', 'Alleen een themacoördinator ziet het auditlog.')
    case 'privacy:search':
    case 'privacy:erase':
    case 'privacy:export':
      // G1: personal data across every themagroep: coördinatoren (and the admin, P3).
      return actor.kind === 'user' && actor.role === 'coordinator'
        ? allow('G1')
        : deny(403, 'G1', 'Alleen een themacoördinator zoekt, wist of exporteert persoonsgegevens.')
    default:
      return deny(403, 'P2', `Onbekende actie ${action}.`)
  }
}
