/**
 * The actielijst of a themagroep (SPEC A1–A9): every afspraak of every
 * session of the themagroep, followed across sessions with a status and its
 * history. Rows are built on the server from each session's verslag model,
 * so the actielijst and the verslagen never disagree on what was agreed.
 */
import { z } from 'zod'

export const ACTIE_STATUSES = ['open', 'gedaan', 'vervallen'] as const
export const actieStatusSchema = z.enum(ACTIE_STATUSES)
export type ActieStatus = z.infer<typeof actieStatusSchema>

export const actieStatusChangeSchema = z.object({
  from: actieStatusSchema.nullable(),
  to: actieStatusSchema,
  at: z.string(),
  actorName: z.string(),
  /** Why, in words ("overgenomen naar …"), or empty. */
  detail: z.string(),
})
export type ActieStatusChange = z.infer<typeof actieStatusChangeSchema>

/** Where an afspraak came from or went to when it was carried over (A6). */
export const actieLinkSchema = z.object({ sessionId: z.string(), stickyId: z.string(), sessionTitle: z.string() })

export const actieRowSchema = z.object({
  themagroep: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  /** ISO date of the session, or null. */
  sessionDate: z.string().nullable(),
  stickyId: z.string(),
  wat: z.string(),
  wie: z.string(),
  /** ISO date, or null. */
  wanneer: z.string().nullable(),
  tijdVan: z.string(),
  tijdTot: z.string(),
  waar: z.string(),
  status: actieStatusSchema,
  /** Time of the last status change, or null while it never changed. */
  statusSince: z.string().nullable(),
  /** Open and its date (wanneer) lies before today in the Netherlands (A3). */
  overdue: z.boolean(),
  carriedFrom: actieLinkSchema.nullable(),
  carriedTo: actieLinkSchema.nullable(),
  history: z.array(actieStatusChangeSchema),
})
export type ActieRow = z.infer<typeof actieRowSchema>

export const actielijstSchema = z.object({ schemaVersion: z.literal(1), themagroep: z.string(), today: z.string(), rows: z.array(actieRowSchema) })
export type Actielijst = z.infer<typeof actielijstSchema>

/** PATCH /api/themagroepen/:name/actielijst/:sessionId/:stickyId */
export const actieStatusBodySchema = z.object({ status: actieStatusSchema })

/** POST /api/themagroepen/:name/actielijst/:sessionId/:stickyId/carry */
export const carryOverBodySchema = z.object({ toSessionId: z.string().min(1).max(100) })

/** POST /api/themagroepen/:name/actielijst/feed → the secret calendar link (A8). */
export const actieFeedSchema = z.object({ url: z.string() })

/**
 * A10: the open afspraken of earlier sessions that a later session of the
 * same themagroep can settle — open, from another session, and not from a
 * session dated after this one (an undated session, on either side, counts
 * as earlier: its place in time is unknown, and hiding an open afspraak is
 * worse than showing one too many). Order as the actielijst (A2).
 */
export function earlierOpenAfspraken(rows: readonly ActieRow[], session: { id: string; date: string | null }): ActieRow[] {
  return rows.filter((r) => r.status === 'open' && r.sessionId !== session.id && !(session.date !== null && r.sessionDate !== null && r.sessionDate > session.date))
}
