/**
 * Who may change what on a board (SPEC "Write rules", W1–W16), as one table.
 * Shared because the server enforces it on every websocket update
 * (server/integrity/) and the client offers only what it allows
 * (client/panel/permissions.ts): both read the same rows.
 */

/** The roles the write rules know. A waarnemer writes nothing (W2); admin automation is not limited (W16). */
export const BOARD_ROLES = ['deelnemer', 'secretariaat', 'coordinator'] as const
export type BoardRole = (typeof BOARD_ROLES)[number]

/**
 * How far a role reaches for one kind of change:
 * `any` record, only its `own` (a sticky whose `meta.author.id` is the writer,
 * a vote entry under the writer's id), or `none`.
 */
export type Reach = 'any' | 'own' | 'none'

export interface WriteRule {
  /** SPEC id, cited by tests and logged with every refusal. */
  id: string
  /** What the row is about, for the log and the SPEC table. */
  what: string
  reach: Readonly<Record<BoardRole, Reach>>
}

const ORGANISERS_ONLY = { deelnemer: 'none', secretariaat: 'any', coordinator: 'any' } as const
const EVERYONE = { deelnemer: 'any', secretariaat: 'any', coordinator: 'any' } as const

export const WRITE_RULES = {
  createSticky: { id: 'W3', what: 'create a sticky', reach: EVERYONE },
  moveSticky: { id: 'W4', what: 'move a sticky (position, sheet, order)', reach: EVERYONE },
  editSticky: { id: 'W5', what: 'edit the text, tag, colour or fields of a sticky', reach: { deelnemer: 'own', secretariaat: 'any', coordinator: 'any' } },
  deleteSticky: { id: 'W6', what: 'delete a sticky', reach: { deelnemer: 'own', secretariaat: 'any', coordinator: 'any' } },
  setStatus: { id: 'W7', what: 'set the status of a regelruimte request', reach: ORGANISERS_ONLY },
  vote: { id: 'W8', what: 'vote on a sticky', reach: { deelnemer: 'own', secretariaat: 'own', coordinator: 'own' } },
  authorship: { id: 'W9', what: 'author and creation time of a new sticky', reach: { deelnemer: 'own', secretariaat: 'any', coordinator: 'any' } },
  sheets: { id: 'W10', what: 'create, move, rename or delete a sheet', reach: ORGANISERS_ONLY },
  links: { id: 'W11', what: 'draw, change or delete an arrow (link)', reach: ORGANISERS_ONLY },
  otherShapes: { id: 'W12', what: 'shapes other than stickies, sheets and arrows; assets', reach: ORGANISERS_ONLY },
  pageAndDocument: { id: 'W13', what: 'the page and document records, other records', reach: ORGANISERS_ONLY },
  ownUser: { id: 'W13', what: 'one’s own tldraw user record', reach: { deelnemer: 'own', secretariaat: 'any', coordinator: 'any' } },
  sessionRoots: { id: 'W14', what: 'session details and facilitation state', reach: ORGANISERS_ONLY },
  otherRoots: { id: 'W15', what: 'parts of the document the board does not use', reach: ORGANISERS_ONLY },
} as const satisfies Record<string, WriteRule>

export type WriteSubject = keyof typeof WRITE_RULES

/** Whether `role` may make a change of kind `subject` to a record that is (`own`) or is not its own. */
export function mayWrite(role: BoardRole, subject: WriteSubject, own: boolean): boolean {
  const reach = WRITE_RULES[subject].reach[role]
  return reach === 'any' || (reach === 'own' && own)
}

/** The board role of an invite or account role; null for a waarnemer (reads only). */
export function boardRoleOf(role: string): BoardRole | null {
  return (BOARD_ROLES as readonly string[]).includes(role) ? (role as BoardRole) : null
}

/**
 * The id a person writes under: `meta.author.id` of their stickies, their key
 * in `meta.votes`, their tldraw user record `user:<id>`. An invite's
 * participant is known by its own id, an account by `user-<account id>`
 * (the client's `participantFromMe` and the server's `authorOf` agree).
 */
export function writerIdOf(identity: { kind: 'participant' | 'user'; id: string }): string {
  return identity.kind === 'user' ? `user-${identity.id}` : identity.id
}
