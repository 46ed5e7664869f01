/**
 * Session templates from real sessions (SPEC F16): sheets laid out the way
 * the themagroepen draw them on brown paper. `GET /api/templates` lists
 * them; `template` on `POST /api/sessions` seeds a new board with one;
 * "sheet toevoegen" on the board adds one to the right of the others.
 */
import { getIndexAbove } from '@tldraw/utils'
import type * as Y from 'yjs'
import { z } from 'zod'
import { readBoard } from './boardModel'
import { frameRecord, SHEET_GAP } from './records'
import { allRecords, newShapeId, recordsOf, seedBoard, SHEET_HEIGHT, SHEET_WIDTH } from './ydoc'

type Text = { readonly nl: string; readonly en: string }

export interface TemplateSheet {
  readonly name: string
  /** Grid position of the sheet in the template (columns left to right, rows top to bottom). */
  readonly col: number
  readonly row: number
}

export interface SessionTemplate {
  readonly id: string
  readonly label: Text
  readonly description: Text
  readonly sheets: readonly TemplateSheet[]
}

const row = (names: readonly string[], r = 0): TemplateSheet[] => names.map((name, col) => ({ name, col, row: r }))

export const TEMPLATES: readonly SessionTemplate[] = [
  {
    id: 'twee-modellen',
    label: { nl: 'Twee modellen naast elkaar', en: 'Two models side by side' },
    description: {
      nl: 'Per model een vel voor bevorderend, belemmerend en conclusies: "SO in the lead" en "Huisarts in the lead".',
      en: 'Per model a sheet each for enabling, hindering and conclusions: "SO in the lead" and "Huisarts in the lead".',
    },
    sheets: [
      ...row(['SO in the lead – bevorderend', 'SO in the lead – belemmerend', 'SO in the lead – conclusies'], 0),
      ...row(['Huisarts in the lead – bevorderend', 'Huisarts in the lead – belemmerend', 'Huisarts in the lead – conclusies'], 1),
    ],
  },
  {
    id: 'twee-kolommen',
    label: { nl: 'Twee kolommen', en: 'Two columns' },
    description: { nl: 'Bevorderend links, belemmerend rechts, conclusies eronder.', en: 'Enabling left, hindering right, conclusions below.' },
    sheets: [...row(['Bevorderend', 'Belemmerend'], 0), { name: 'Conclusies', col: 0, row: 1 }],
  },
  {
    id: 'ontwikkelmodel',
    label: { nl: 'Ontwikkelmodel 2×2', en: 'Development model 2×2' },
    description: {
      nl: 'Wijk en regio tegen monodisciplinair en multidisciplinair.',
      en: 'Neighbourhood and region against monodisciplinary and multidisciplinary.',
    },
    sheets: [
      ...row(['Wijk – monodisciplinair', 'Wijk – multidisciplinair'], 0),
      ...row(['Regio – monodisciplinair', 'Regio – multidisciplinair'], 1),
    ],
  },
  {
    id: 'klantpad',
    label: { nl: 'Klantpad', en: 'Client journey' },
    description: { nl: 'De stappen van de cliënt, van links naar rechts te lezen.', en: 'The client’s steps, read left to right.' },
    sheets: row(['1. Signaleren', '2. Aanmelden en indiceren', '3. Behandelen en ondersteunen', '4. Nazorg en evaluatie']),
  },
  {
    id: 'voorstelronde',
    label: { nl: 'Voorstelronde', en: 'Round of introductions' },
    description: { nl: 'Wie ben je, welke organisatie, wat verwacht je?', en: 'Who are you, which organisation, what do you expect?' },
    sheets: row(['Voorstelronde']),
  },
  {
    id: 'vervolgafspraken',
    label: { nl: 'Vervolgafspraken', en: 'Follow-up agreements' },
    description: { nl: 'Wie doet wat, wanneer en waar.', en: 'Who does what, when and where.' },
    sheets: row(['Vervolgafspraken']),
  },
]

export const templateIdSchema = z.enum(TEMPLATES.map((t) => t.id) as [string, ...string[]])

export function findTemplate(id: string): SessionTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id)
}

/** POST /api/sessions/:id/sheets */
export const addSheetsBodySchema = z.object({ template: z.string().trim().min(1).max(100) }).strict()
export const addSheetsResponseSchema = z.object({ sheetIds: z.array(z.string()) })

/** GET /api/templates → { templates }. */
export const templatesResponseSchema = z.object({
  templates: z.array(
    z.object({
      id: z.string(),
      label: z.object({ nl: z.string(), en: z.string() }),
      description: z.object({ nl: z.string(), en: z.string() }),
      sheets: z.array(z.object({ name: z.string(), col: z.number(), row: z.number() })),
    }),
  ),
})
export type TemplatesResponse = z.infer<typeof templatesResponseSchema>

/**
 * Adds a template's sheets to the right of every sheet already on the board
 * (to an empty doc: from the origin, or after `columnsBefore` sheets written
 * in the same transaction), in the template's grid. Returns the
 * new sheets' ids in template order.
 */
export function addTemplateSheets(doc: Y.Doc, template: SessionTemplate, columnsBefore = 0): string[] {
  const ids: string[] = []
  doc.transact(() => {
    seedBoard(doc, [])
    const kv = recordsOf(doc)
    const sheets = readBoard(allRecords(doc)).sheets
    // Sheets written in this same transaction are not read back yet: the caller counts them (columnsBefore).
    const right = sheets.length === 0 ? 0 : Math.max(...sheets.map((s) => s.x + s.w)) + SHEET_GAP
    const left = Math.max(right, columnsBefore * (SHEET_WIDTH + SHEET_GAP))
    let index: string | null = null
    for (const r of allRecords(doc)) {
      if (r.typeName === 'shape' && r.parentId === 'page:page' && typeof r.index === 'string' && (index === null || r.index > index)) index = r.index
    }
    for (const sheet of template.sheets) {
      index = getIndexAbove(index as never)
      const frame = frameRecord({
        id: newShapeId(),
        name: sheet.name,
        x: left + sheet.col * (SHEET_WIDTH + SHEET_GAP),
        y: sheet.row * (SHEET_HEIGHT + SHEET_GAP),
        w: SHEET_WIDTH,
        h: SHEET_HEIGHT,
        index,
      })
      kv.set(frame.id, frame)
      ids.push(frame.id)
    }
  })
  return ids
}
