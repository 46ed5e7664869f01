/**
 * Board history (SPEC H1–H19): the restorable versions the server keeps of a
 * session's board. Shared because the history page lists and previews them
 * with the same types the server answers with.
 */
import { z } from 'zod'

/** Why a version was taken. */
export const HISTORY_KINDS = ['periodic', 'before-delete', 'vaststelling', 'phase', 'before-restore'] as const
export const historyKindSchema = z.enum(HISTORY_KINDS)
export type HistoryKind = z.infer<typeof historyKindSchema>

export const boardCountsSchema = z.object({
  stickies: z.number().int().min(0),
  sheets: z.number().int().min(0),
  links: z.number().int().min(0),
})
export type BoardCounts = z.infer<typeof boardCountsSchema>

/** One version as listed: no content. */
export const historyVersionSummarySchema = z.object({
  version: z.number().int().positive(),
  takenAt: z.string(),
  kind: historyKindSchema,
  /** The phase entered, the vaststelling's number, the version about to be restored, or how many records the change deleted. */
  detail: z.string().nullable(),
  /** Who made the changes this version closes (or who asked for it), display names. */
  actorNames: z.array(z.string()),
  counts: boardCountsSchema,
})
export type HistoryVersionSummary = z.infer<typeof historyVersionSummarySchema>

export const historyListSchema = z.object({ versions: z.array(historyVersionSummarySchema) })
export type HistoryList = z.infer<typeof historyListSchema>

/** A tldraw record as stored in the doc (plain JSON with an id). */
const recordSchema = z.looseObject({ id: z.string(), typeName: z.string() })

/** What a version holds: the board's records and the session map. */
export const historyContentSchema = z.object({
  records: z.array(recordSchema),
  session: z.record(z.string(), z.unknown()),
})
export type HistoryContent = z.infer<typeof historyContentSchema>

export const historyVersionSchema = historyVersionSummarySchema.extend({ content: historyContentSchema })
export type HistoryVersion = z.infer<typeof historyVersionSchema>

/** POST …/restore answers with the version restored and the version taken just before (to undo the restore). */
export const restoreResponseSchema = z.object({
  restored: z.number().int().positive(),
  before: historyVersionSummarySchema,
  changed: z.object({ set: z.number().int().min(0), deleted: z.number().int().min(0) }),
})
export type RestoreResponse = z.infer<typeof restoreResponseSchema>

/**
 * Keys of the session map a restore leaves alone: they record the verslag's
 * publication (vaststelling, dates), which does not go back in time (H7).
 */
export const SESSION_KEYS_NOT_RESTORED: readonly string[] = ['vaststelling', 'geplaatstOp', 'laatstGewijzigdOp']
