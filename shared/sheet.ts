/**
 * Domain data of a sheet (a tldraw frame's `meta`). Shared because the canvas
 * may set it and the verslag reads it.
 */
import { z } from 'zod'

/**
 * How the verslag titles a sheet's section: `opbrengst` (the default) gives
 * "Opbrengst brownpapersessie – <name>"; `name` uses the sheet name as the
 * heading itself (sheets made from an imported verslag's own headings).
 */
export const SHEET_HEADING_STYLES = ['opbrengst', 'name'] as const
export const sheetHeadingStyleSchema = z.enum(SHEET_HEADING_STYLES)
export type SheetHeadingStyle = z.infer<typeof sheetHeadingStyleSchema>

export const sheetMetaSchema = z.object({
  headingStyle: sheetHeadingStyleSchema.optional(),
})
export type SheetMeta = z.infer<typeof sheetMetaSchema>

/** Reads a frame's meta leniently: anything invalid is ignored. */
export function parseSheetMeta(meta: unknown): SheetMeta {
  const source = meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {}
  const style = sheetHeadingStyleSchema.safeParse(source.headingStyle)
  return style.success ? { headingStyle: style.data } : {}
}
