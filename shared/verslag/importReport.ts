/**
 * What an import recognised (SPEC I20): shown in the import dialog so that
 * the person who imported sees at once how the text was read, and can give
 * a section another tag in one click.
 */
import { z } from 'zod'
import { tagSchema } from '../tags'

export const importReportSchema = z.object({
  /** How the text was laid out: blank lines between paragraphs, one paragraph per line, hard-wrapped, or a Word file. */
  shape: z.enum(['paragraphs', 'lines', 'wrapped', 'docx']),
  headings: z.number().int().min(0),
  numberedLists: z.number().int().min(0),
  bulletLists: z.number().int().min(0),
  paragraphs: z.number().int().min(0),
  afspraken: z.number().int().min(0),
  imagePlaceholders: z.number().int().min(0),
  /** Page headers, footers and page numbers left out (I18). */
  dropped: z.array(z.string().max(200)).max(50),
  /** Session details the text did not give: the session details ask for them (V22). */
  missing: z.array(z.enum(['themagroep', 'type', 'date', 'place'])),
  /** Each sheet the import made, in order, with the tag most of its stickies got. */
  sections: z
    .array(z.object({ sheetId: z.string(), name: z.string(), tag: tagSchema, stickies: z.number().int().min(0) }))
    .max(500),
})
export type ImportReport = z.infer<typeof importReportSchema>

/** The body of POST /api/sessions/:id/sheets/:sheetId/tag: every sticky on the sheet gets this tag (I20). */
export const retagSheetBodySchema = z.object({ tag: tagSchema })
