import { z } from 'zod'
import type { MeResponse } from '../../shared/access'

/**
 * The person at this browser: the identity the server knows (an invite's
 * participant, a signed-in user) when there is one, otherwise asked on the
 * first visit. Remembered in localStorage; `useParticipant` is the one place
 * that knows where it comes from.
 */
export const participantSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_:-]{1,100}$/),
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().max(200),
})
export type Participant = z.infer<typeof participantSchema>

/** The participant the server's identity stands for, or null (anonymous, admin). */
export function participantFromMe(me: MeResponse | null, stored: Participant | null): Participant | null {
  if (!me) return null
  if (me.kind === 'participant') return { id: me.id, name: me.name, organisation: me.organisation }
  if (me.kind === 'user') {
    const organisation = stored && stored.id === `user-${me.id}` ? stored.organisation : ''
    return { id: `user-${me.id}`, name: me.name, organisation }
  }
  return null
}

/** Cursor colours with enough contrast on the brown paper and on white. */
const PRESENCE_COLORS = ['#1c7ed6', '#d6336c', '#2b8a3e', '#7048e8', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#364fc7', '#a61e4d']

/** A stable colour per participant id. */
export function presenceColor(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]!
}

export function newParticipantId(): string {
  const bytes = new Uint8Array(9)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-4)
}
