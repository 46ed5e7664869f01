/**
 * Conclusies taken over from earlier sessions of the same themagroep (SPEC
 * R13–R15): the REST bodies and the rule of which sessions count as earlier.
 * The link itself lives in the new sticky's `meta.herkomst` (shared/sticky.ts).
 */
import { z } from 'zod'

/** POST /api/sessions/:id/conclusies/overnemen */
export const takeOverBodySchema = z.object({
  fromSessionId: z.string().min(1).max(100),
  stickyId: z.string().min(1).max(120),
})
export type TakeOverBody = z.infer<typeof takeOverBodySchema>

export const takeOverResponseSchema = z.object({ sessionId: z.string(), stickyId: z.string() })
export type TakeOverResponse = z.infer<typeof takeOverResponseSchema>

/** One conclusie of an earlier session, as GET /api/sessions/:id/conclusies/eerder lists it. */
export const earlierConclusieSchema = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  /** yyyy-mm-dd, null when the session has no date. */
  sessionDate: z.string().nullable(),
  stickyId: z.string(),
  text: z.string(),
  /** Texts of the stickies it rests on in its own session. */
  factoren: z.array(z.string()),
  /** Whether this session has taken it over already. */
  takenOver: z.boolean(),
})
export type EarlierConclusie = z.infer<typeof earlierConclusieSchema>

export const earlierConclusiesSchema = z.object({ conclusies: z.array(earlierConclusieSchema) })
export type EarlierConclusies = z.infer<typeof earlierConclusiesSchema>

/**
 * R14 (as A10): `other` is earlier than `session` unless both have a date and
 * `other`'s lies after it — an undated session on either side counts as
 * earlier (its place in time is unknown; hiding a conclusie is worse than
 * showing one too many). A session is never earlier than itself.
 */
export function isEarlierSession(other: { id: string; date: string | null }, session: { id: string; date: string | null }): boolean {
  return other.id !== session.id && !(session.date !== null && other.date !== null && other.date > session.date)
}
