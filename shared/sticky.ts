/**
 * Domain data of a sticky. It lives in the tldraw note's `meta` (a JSON
 * object tldraw keeps as given), so the canvas record stays valid for
 * tldraw's schema while carrying everything the verslag needs.
 */
import { z } from 'zod'
import { tagSchema, type Tag } from './tags'

export const authorSchema = z.object({
  id: z.string().max(100),
  name: z.string().max(200),
  organisation: z.string().max(200).default(''),
})
export type Author = z.infer<typeof authorSchema>

/** Fields of an afspraak sticky. */
export const afspraakFieldsSchema = z.object({
  wie: z.string().max(500).optional(),
  /** ISO date (yyyy-mm-dd). */
  wanneer: z.string().max(40).optional(),
  /** Start and end time, "09:30". */
  tijdVan: z.string().max(10).optional(),
  tijdTot: z.string().max(10).optional(),
  waar: z.string().max(500).optional(),
})

/** Life cycle of a regelruimte request; a request without a status is a concept. */
export const REGELRUIMTE_STATUSES = [
  'concept',
  'ingediend',
  'in behandeling',
  'toegekend',
  'afgewezen',
  'ingetrokken',
] as const
export const regelruimteStatusSchema = z.enum(REGELRUIMTE_STATUSES)
export type RegelruimteStatus = z.infer<typeof regelruimteStatusSchema>
export const DEFAULT_REGELRUIMTE_STATUS: RegelruimteStatus = 'concept'

/** Fields of a regelruimte sticky (a request). */
export const regelruimteFieldsSchema = z.object({
  regeling: z.string().max(500).optional(),
  gevraagdeRuimte: z.string().max(4000).optional(),
  adressaat: z.string().max(500).optional(),
  indiener: z.string().max(500).optional(),
  status: regelruimteStatusSchema.optional(),
})

/**
 * R13: where a sticky taken over from an earlier session of the themagroep
 * comes from (its session and sticky), so the evidence chain can follow it.
 */
export const herkomstSchema = z.object({
  sessionId: z.string().min(1).max(100),
  stickyId: z.string().min(1).max(100),
})
export type Herkomst = z.infer<typeof herkomstSchema>

/**
 * The meta object of a note. Every field is optional but `tag`, so that a
 * note made by stock tldraw (meta `{}`) is read as an "opmerking".
 */
export const stickyMetaSchema = z
  .object({
    tag: tagSchema,
    author: authorSchema.optional(),
    /** ISO timestamp. */
    createdAt: z.string().max(40).optional(),
    /** participant id → number of dots. */
    votes: z.record(z.string(), z.number().int().min(0).max(100)).optional(),
    /** Id of the sticky this one is a sub-bullet of (nested bullets in the verslag). */
    parentStickyId: z.string().max(100).optional(),
    /** A prose paragraph rather than a bullet (kept from an imported verslag). */
    prose: z.boolean().optional(),
    /** The number or letter of a numbered item as written ("1.", "a)", "6. a."); absent for a bullet. */
    listMarker: z.string().max(20).optional(),
    /** R13: taken over from a sticky of an earlier session. */
    herkomst: herkomstSchema.optional(),
  })
  .extend(afspraakFieldsSchema.shape)
  .extend(regelruimteFieldsSchema.shape)

export type StickyMeta = z.infer<typeof stickyMetaSchema>

/** A sticky as the domain sees it, independent of the canvas. */
export interface DomainSticky {
  id: string
  text: string
  tag: Tag
  /** Frame (sheet) id, or null when the sticky is outside any sheet. */
  sheetId: string | null
  x: number
  y: number
  meta: StickyMeta
}

export function voteCount(meta: Pick<StickyMeta, 'votes'>): number {
  return Object.values(meta.votes ?? {}).reduce((a, b) => a + b, 0)
}
