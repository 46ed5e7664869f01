/**
 * Vastgestelde versies of a verslag and the board picture, as the REST API
 * returns them. Shared because the client lists the versions and shows the
 * answer of "Vaststellen" (SPEC V15–V18).
 */
import { z } from 'zod'

export const verslagVersionSummarySchema = z.object({
  /** 1, 2, … per session, in order of vaststelling. */
  versie: z.number().int().min(1),
  /** ISO timestamp of the vaststelling. */
  vastgesteldAt: z.string(),
  /** The date as the verslag shows it (yyyy-mm-dd, Europe/Amsterdam). */
  vastgesteldOp: z.string(),
  /** Who did it: name as the audit log shows it. */
  actorName: z.string(),
  /** Whether a board picture was frozen with it. */
  hasPicture: z.boolean(),
})
export type VerslagVersionSummary = z.infer<typeof verslagVersionSummarySchema>

export const versionListSchema = z.object({ versions: z.array(verslagVersionSummarySchema) })
export type VersionList = z.infer<typeof versionListSchema>

/** Content types a board picture may have. */
export const PICTURE_TYPES = ['image/png', 'image/svg+xml'] as const
export type PictureType = (typeof PICTURE_TYPES)[number]
/** Upper bound of an uploaded board picture. */
export const MAX_PICTURE_BYTES = 8 * 1024 * 1024

export const pictureUploadResponseSchema = z.object({
  url: z.string(),
  contentType: z.enum(PICTURE_TYPES),
  bytes: z.number().int().min(1),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
})
export type PictureUploadResponse = z.infer<typeof pictureUploadResponseSchema>
