/**
 * Request and response bodies of the HTTP API, shared by server and client so
 * that both sides validate against the same zod schemas.
 */
import { z } from 'zod'
import { tagSchema } from './tags'
import { authorSchema } from './sticky'
import { deelnemerSchema, isoDateSchema, sessionTypeSchema } from './session'

export const createSessionBodySchema = z.object({
  title: z.string().trim().min(1).max(300),
  themagroep: z.string().trim().min(1).max(300),
  type: sessionTypeSchema.default('brownpapersessie'),
  date: isoDateSchema.optional(),
  place: z.string().trim().max(300).optional(),
  deelnemers: z.array(deelnemerSchema).max(500).optional(),
  afgemeld: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  /** Sheet titles; the type's defaults when omitted. */
  sheets: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  /** F16: a template id from GET /api/templates; its sheets replace the defaults (after `sheets`, if given). */
  template: z.string().trim().min(1).max(100).optional(),
})
export type CreateSessionBody = z.input<typeof createSessionBodySchema>

export const sessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  themagroep: z.string(),
  type: sessionTypeSchema,
  date: z.string().nullable(),
  place: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SessionSummary = z.infer<typeof sessionSummarySchema>

export const addStickyBodySchema = z.object({
  text: z.string().trim().min(1).max(10_000),
  tag: tagSchema.default('opmerking'),
  /** Sheet title (case-insensitive) or frame id; a new sheet is made for an unknown title. Omitted: the author's last used sheet, else the first (F20). */
  sheet: z.string().trim().min(1).max(200).optional(),
  author: authorSchema.optional(),
})
export type AddStickyBody = z.input<typeof addStickyBodySchema>

export const addStickyResponseSchema = z.object({
  id: z.string(),
  sheetId: z.string().nullable(),
  /** F6: true when the sticky is held privately (stil-schrijven); it is then not on the board yet. */
  private: z.boolean().optional(),
})
export type AddStickyResponse = z.infer<typeof addStickyResponseSchema>

/** Every error the API returns has this shape. */
export const apiErrorSchema = z.object({ error: z.string(), message: z.string() })
export type ApiError = z.infer<typeof apiErrorSchema>

/** Runtime configuration the server hands to the browser. */
export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
})
export type ClientConfig = z.infer<typeof clientConfigSchema>
