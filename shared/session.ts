/**
 * Session metadata. It lives in the session's Y.Doc (map "session") so that
 * it syncs live like the canvas; the server mirrors the summary fields into
 * its index for listing sessions per themagroep.
 */
import { z } from 'zod'

export const SESSION_TYPES = ['brownpapersessie', 'workshop', 'introductiebijeenkomst', 'themabijeenkomst'] as const
export const sessionTypeSchema = z.enum(SESSION_TYPES)
export type SessionType = z.infer<typeof sessionTypeSchema>

export const SESSION_TYPE_LABEL: Readonly<Record<SessionType, { nl: string; en: string }>> = {
  brownpapersessie: { nl: 'Brownpapersessie', en: 'Brown-paper session' },
  workshop: { nl: 'Workshop', en: 'Workshop' },
  introductiebijeenkomst: { nl: 'Introductiebijeenkomst', en: 'Introductory meeting' },
  themabijeenkomst: { nl: 'Themabijeenkomst', en: 'Theme meeting' },
}

/** yyyy-mm-dd, validated as a real calendar date. */
export const isoDateSchema = z.iso.date()

export const deelnemerSchema = z.object({
  organisation: z.string().trim().min(1).max(200),
  name: z.string().trim().max(200).optional(),
})
export type Deelnemer = z.infer<typeof deelnemerSchema>

export const sessionInfoSchema = z.object({
  title: z.string().trim().min(1).max(300),
  themagroep: z.string().trim().min(1).max(300),
  type: sessionTypeSchema,
  date: isoDateSchema.optional(),
  place: z.string().trim().max(300).optional(),
  deelnemers: z.array(deelnemerSchema).max(500).default([]),
  afgemeld: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
  agenda: z.string().max(20_000).optional(),
  intro: z.string().max(100_000).optional(),
  /** Publication date of the verslag ("Geplaatst op"). */
  geplaatstOp: isoDateSchema.optional(),
  /** Last change after vaststelling ("Laatst gewijzigd op"). */
  laatstGewijzigdOp: isoDateSchema.optional(),
})
export type SessionInfo = z.infer<typeof sessionInfoSchema>

/** Default sheets of a new session, per type. */
export const DEFAULT_SHEETS: Readonly<Record<SessionType, readonly string[]>> = {
  brownpapersessie: ['Bevorderend en belemmerend', 'Conclusies', 'Regelruimte', 'Afspraken'],
  workshop: ['Opbrengst', 'Conclusies', 'Afspraken'],
  introductiebijeenkomst: ['Verwachtingen', 'Afspraken'],
  themabijeenkomst: ['Opbrengst', 'Conclusies', 'Afspraken'],
}
