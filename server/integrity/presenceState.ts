/**
 * L8: a presence (awareness) state is relayed only when it is small and has
 * the shape Brownpaper's clients read: a JSON object whose `user` (name,
 * colour) and `presence` (tldraw's instance presence: name, colour, cursor,
 * selection…) are what they claim to be, or `null` (the client left). A bad
 * state is dropped — not applied, not relayed — and the socket stays open.
 */
import { z } from 'zod'

/** Characters of one state as JSON. A presence with a few hundred selected shapes fits. */
export const MAX_PRESENCE_STATE_CHARS = 16 * 1024

const shortString = (max: number) => z.string().max(max)
const point = z.object({ x: z.number(), y: z.number() }).loose()

const instancePresence = z
  .object({
    typeName: z.literal('instance_presence'),
    userId: shortString(200).optional(),
    userName: shortString(200),
    color: shortString(64),
    cursor: point.extend({ type: shortString(64).optional(), rotation: z.number().optional() }).nullable().optional(),
    selectedShapeIds: z.array(shortString(200)).optional(),
    chatMessage: shortString(500).optional(),
  })
  .loose()

const presenceStateSchema = z
  .object({
    user: z.object({ name: shortString(200), color: shortString(64).optional() }).loose().optional(),
    presence: instancePresence.nullable().optional(),
  })
  .loose()

/** Whether a state (as sent, JSON) may be applied and relayed. */
export function isAcceptablePresenceState(json: string): boolean {
  if (json.length > MAX_PRESENCE_STATE_CHARS) return false
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    return false
  }
  return state === null || presenceStateSchema.safeParse(state).success
}

/** Who a connection is, as far as presence shows it: the name the server knows (W22). */
export interface PresenceIdentity {
  name: string
  /** A participant's organisation from their invite; absent for accounts (they state their own). */
  organisation?: string
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * W22: a presence state speaks with the name of the connection's grant, not
 * the one its client claims: `person.name` (the presence list), `user.name`
 * and tldraw's `presence.userName` (the cursor label) are overwritten, and a
 * participant's organisation too. Returns the state as JSON; `null` (the
 * client left) and states that are not objects pass unchanged.
 */
export function stampPresenceState(json: string, identity: PresenceIdentity): string {
  const state: unknown = JSON.parse(json)
  if (!isObject(state)) return json
  const person = isObject(state.person) ? state.person : {}
  state.person = { ...person, name: identity.name, ...(identity.organisation !== undefined ? { organisation: identity.organisation } : {}) }
  if (isObject(state.user)) state.user = { ...state.user, name: identity.name }
  if (isObject(state.presence)) state.presence = { ...state.presence, userName: identity.name }
  return JSON.stringify(state)
}
