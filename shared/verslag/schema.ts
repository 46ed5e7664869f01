/**
 * The structured verslag: what the server builds from a session's document
 * and what every renderer (md, html, docx, json) and the client's preview
 * read. All wording (headings) is decided when the model is built, so that
 * renderers only lay it out. Dates are ISO (yyyy-mm-dd); renderers format
 * them. See SPEC.md "Verslag".
 */
import { z } from 'zod'
import { deelnemerSchema, isoDateSchema, sessionTypeSchema } from '../session'
import { regelruimteStatusSchema } from '../sticky'
import { tagSchema } from '../tags'

export const VERSLAG_SCHEMA_VERSION = 1 as const

/** A reference to a sticky listed elsewhere (traceability), never the sticky's own entry. */
export const stickyRefSchema = z.object({
  id: z.string(),
  text: z.string(),
  tag: tagSchema,
  /** Name of the sheet the sticky is on; null outside any sheet. */
  sheet: z.string().nullable(),
})
export type StickyRef = z.infer<typeof stickyRefSchema>

export interface VerslagItem {
  id: string
  text: string
  tag: z.infer<typeof tagSchema>
  /** `bullet`, or `paragraph` for prose kept from an imported verslag. */
  kind: 'bullet' | 'paragraph'
  /** The number or letter of a numbered item as written ("1.", "a.", "6. a."); absent for a bullet (SPEC V20). */
  marker?: string
  votes: number
  children: VerslagItem[]
}

/** One sticky as an entry of the verslag, with its sub-bullets nested. */
export const verslagItemSchema: z.ZodType<VerslagItem> = z.lazy(() =>
  z.object({
    id: z.string(),
    text: z.string(),
    tag: tagSchema,
    kind: z.enum(['bullet', 'paragraph']),
    marker: z.string().max(20).optional(),
    votes: z.number().int().min(0),
    children: z.array(verslagItemSchema),
  }),
)

const sectionBase = {
  heading: z.string(),
}

/** A sheet's opbrengst, or any section of prose paragraphs and bullets. */
export const textSectionSchema = z.object({
  kind: z.literal('section'),
  ...sectionBase,
  /** The sheet this section shows; null for a section without a sheet. */
  sheetId: z.string().nullable(),
  items: z.array(verslagItemSchema),
})

export const conclusieSchema = z.object({
  item: verslagItemSchema,
  /** What the conclusie rests on: stickies linked to it (sticky → conclusie). */
  restsOn: z.array(stickyRefSchema),
  /** Regelruimte requests it asks for (conclusie → regelruimte), by number ("R1"). */
  asksFor: z.array(z.string()),
})
export type Conclusie = z.infer<typeof conclusieSchema>

export const conclusieSectionSchema = z.object({
  kind: z.literal('conclusies'),
  ...sectionBase,
  sheetId: z.string().nullable(),
  conclusies: z.array(conclusieSchema),
})

export const factorGroupSchema = z.object({
  /** Sub-heading (the sheet name), or null when the group needs none. */
  heading: z.string().nullable(),
  sheetId: z.string().nullable(),
  items: z.array(verslagItemSchema),
})

export const factorSectionSchema = z.object({
  kind: z.literal('factoren'),
  ...sectionBase,
  tag: z.enum(['bevorderend', 'belemmerend']),
  groups: z.array(factorGroupSchema),
})

export const regelruimteVerzoekSchema = z.object({
  /** "R1", "R2", … in reading order. */
  nummer: z.string(),
  item: verslagItemSchema,
  sheet: z.string().nullable(),
  gevraagdeRuimte: z.string().optional(),
  regeling: z.string().optional(),
  adressaat: z.string().optional(),
  indiener: z.string().optional(),
  status: regelruimteStatusSchema,
  /** The conclusies it follows from (conclusie → regelruimte), each with the factors behind it. */
  conclusies: z.array(z.object({ conclusie: stickyRefSchema, factoren: z.array(stickyRefSchema) })),
  /** Other stickies linked straight to the request. */
  restsOn: z.array(stickyRefSchema),
})
export type RegelruimteVerzoek = z.infer<typeof regelruimteVerzoekSchema>

export const regelruimteSectionSchema = z.object({
  kind: z.literal('regelruimte'),
  ...sectionBase,
  /** Prose kept with the tag regelruimte: shown before the table. */
  notes: z.array(verslagItemSchema),
  verzoeken: z.array(regelruimteVerzoekSchema),
  /** Prose that follows the requests in reading order: shown after the table (SPEC V30). */
  notesAfter: z.array(verslagItemSchema).optional(),
})

export const afspraakSchema = z.object({
  item: verslagItemSchema,
  sheet: z.string().nullable(),
  wie: z.string().optional(),
  wanneer: isoDateSchema.optional(),
  tijdVan: z.string().optional(),
  tijdTot: z.string().optional(),
  waar: z.string().optional(),
})
export type Afspraak = z.infer<typeof afspraakSchema>

export const afsprakenSectionSchema = z.object({
  kind: z.literal('afspraken'),
  ...sectionBase,
  notes: z.array(verslagItemSchema),
  afspraken: z.array(afspraakSchema),
  /** Prose that follows the afspraken in reading order: shown after them (SPEC V30). */
  notesAfter: z.array(verslagItemSchema).optional(),
})

export const verslagSectionSchema = z.discriminatedUnion('kind', [
  textSectionSchema,
  conclusieSectionSchema,
  factorSectionSchema,
  regelruimteSectionSchema,
  afsprakenSectionSchema,
])
export type VerslagSection = z.infer<typeof verslagSectionSchema>
export type TextSection = z.infer<typeof textSectionSchema>
export type ConclusieSection = z.infer<typeof conclusieSectionSchema>
export type FactorSection = z.infer<typeof factorSectionSchema>
export type RegelruimteSection = z.infer<typeof regelruimteSectionSchema>
export type AfsprakenSection = z.infer<typeof afsprakenSectionSchema>

export const boardPictureSchema = z.object({
  /** Where the picture is served (relative to the server) or a data: URL. */
  url: z.string().max(2_000_000),
  alt: z.string(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
})
export type BoardPicture = z.infer<typeof boardPictureSchema>

export const vaststellingSchema = z.object({
  versie: z.number().int().min(1),
  vastgesteldOp: isoDateSchema.optional(),
})
export type Vaststelling = z.infer<typeof vaststellingSchema>

/** One voted sticky in the ranking of the votes (SPEC V26). */
export const rankedVoteSchema = z.object({
  /** 1 for the most votes; ties share a rank ("1, 2, 2, 4"). */
  rank: z.number().int().min(1),
  votes: z.number().int().min(1),
  sticky: stickyRefSchema,
})
export type RankedVote = z.infer<typeof rankedVoteSchema>

export const verslagSchema = z.object({
  schemaVersion: z.literal(VERSLAG_SCHEMA_VERSION),
  language: z.enum(['nl', 'en']),
  /** The document title, e.g. "Verslag: Duurzame en structurele bekostiging …". */
  heading: z.string(),
  /** The session title as entered. */
  title: z.string(),
  themagroep: z.string(),
  type: sessionTypeSchema,
  typeLabel: z.string(),
  date: isoDateSchema.optional(),
  place: z.string().optional(),
  deelnemers: z.array(deelnemerSchema),
  afgemeld: z.array(z.string()),
  agenda: z.array(z.string()),
  intro: z.array(z.string()),
  boardPicture: boardPictureSchema.optional(),
  sections: z.array(verslagSectionSchema),
  /** Stickies with votes, most first, ties in reading order (SPEC V26); absent when nobody voted. */
  stemmen: z.array(rankedVoteSchema).optional(),
  geplaatstOp: isoDateSchema.optional(),
  laatstGewijzigdOp: isoDateSchema.optional(),
  vaststelling: vaststellingSchema.optional(),
  /** Number of stickies on the board; every one of them appears once as an entry. */
  stickyCount: z.number().int().min(0),
})
export type Verslag = z.infer<typeof verslagSchema>
