/**
 * The regelruimte register across sessions (SPEC R1–R9), as the REST API
 * returns it. Shared because the client's register page renders these rows
 * and sends the status change; the server builds them from the verslag model.
 */
import { z } from 'zod'
import { REGELRUIMTE_STATUSES, regelruimteStatusSchema } from './sticky'

export const REGISTER_SCHEMA_VERSION = 1 as const

/** One change of a request's status (SPEC R5). */
export const statusChangeSchema = z.object({
  /** ISO timestamp. */
  at: z.string(),
  /** The status before; null when the request first appeared on a live board. */
  from: regelruimteStatusSchema.nullable(),
  to: regelruimteStatusSchema,
  /** Audit id of who did it ("user:…", "participant:…", "admin", "system" for the server itself). */
  actor: z.string(),
  actorName: z.string(),
})
export type StatusChange = z.infer<typeof statusChangeSchema>

/**
 * R15: one step back along a conclusie taken over from an earlier session:
 * that session and the conclusie there, with the factors behind it there.
 */
export const ketenHerkomstSchema = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  sessionDate: z.string().nullable(),
  stickyId: z.string(),
  text: z.string(),
  factoren: z.array(z.string()),
})
export type KetenHerkomst = z.infer<typeof ketenHerkomstSchema>

/** R12, R15: a conclusie in a request's evidence chain. */
export const ketenConclusieSchema = z.object({
  text: z.string(),
  factoren: z.array(z.string()),
  /** R15: where it was taken over from, nearest first (absent when it was not, or its origin is out of reach). */
  herkomst: z.array(ketenHerkomstSchema).optional(),
})
export type KetenConclusie = z.infer<typeof ketenConclusieSchema>

/** One regelruimte request of one session. */
export const registerRowSchema = z.object({
  sessionId: z.string(),
  sessionTitle: z.string(),
  themagroep: z.string(),
  /** Date of the session (yyyy-mm-dd), null when it has none. */
  sessionDate: z.string().nullable(),
  /** The request's sticky id (tldraw shape id). */
  stickyId: z.string(),
  /** "R1", "R2", … as in the session's verslag. */
  nummer: z.string(),
  /** The sticky's text: the request itself. */
  text: z.string(),
  gevraagdeRuimte: z.string().nullable(),
  regeling: z.string().nullable(),
  adressaat: z.string().nullable(),
  indiener: z.string().nullable(),
  status: regelruimteStatusSchema,
  /** Texts of the conclusies it follows from (conclusie → regelruimte). */
  conclusies: z.array(z.string()),
  /** Texts of the factors behind those conclusies and of stickies linked to it directly, each once. */
  factoren: z.array(z.string()),
  /** Status changes, oldest first. */
  history: z.array(statusChangeSchema),
  /** R12: the evidence chain as links: each conclusie with the factors behind it, and the stickies linked to the request directly. */
  keten: z.object({
    conclusies: z.array(ketenConclusieSchema),
    direct: z.array(z.string()),
  }),
})
export type RegisterRow = z.infer<typeof registerRowSchema>

export const registerSchema = z.object({
  schemaVersion: z.literal(REGISTER_SCHEMA_VERSION),
  rows: z.array(registerRowSchema),
})
export type Register = z.infer<typeof registerSchema>

/** PATCH /api/regelruimte/:sessionId/:stickyId */
export const statusPatchBodySchema = z.object({ status: regelruimteStatusSchema })
export type StatusPatchBody = z.infer<typeof statusPatchBodySchema>

export const statusPatchResponseSchema = z.object({
  sessionId: z.string(),
  stickyId: z.string(),
  status: regelruimteStatusSchema,
  /** Whether the status was different before. */
  changed: z.boolean(),
  history: z.array(statusChangeSchema),
})
export type StatusPatchResponse = z.infer<typeof statusPatchResponseSchema>

/** Statuses in life-cycle order, for filters and sorting. */
export const REGISTER_STATUSES = REGELRUIMTE_STATUSES
