/**
 * The verslag as a Word document with the `docx` library (SPEC V11): real
 * Heading 1/2/3 styles, bullet numbering with nested levels, tables for
 * regelruimte and afspraken. Deterministic (SPEC V8): the package's
 * timestamps and zip entry dates are fixed from the verslag's own dates, so
 * the same model gives the same bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { columnWidths } from './columnWidths'
import { TAG_INFO } from '../../../shared/tags'
import { VERSLAG_LABELS } from '../../../shared/verslag/labels'
import type { StickyRef, Verslag, VerslagItem, VerslagSection } from '../../../shared/verslag/schema'
import { agendaMarker, asksForText, markedText, footerLines, headerLines, oneLine, refContext, stemmenTable, wanneerText, printable } from '../../../shared/verslag/wording'
import { safeDeep } from '../../../shared/safeText'

export interface RenderDocxOptions {
  /** The board picture as PNG bytes, embedded when given (else a data: URL in the model is used). */
  boardPicturePng?: Uint8Array
}

const BULLETS = 'verslag-bullets'
const LEVEL_INDENT = 360
const MAX_LEVEL = 8

/** Text runs with the sticky's line breaks kept. */
function runs(text: string, opts: { italics?: boolean; bold?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...opts }))
}

function tagRun(tag: VerslagItem['tag']): TextRun {
  return new TextRun({ text: `${TAG_INFO[tag].symbol} `, color: TAG_INFO[tag].hex.slice(1), bold: true })
}

function refRuns(r: StickyRef, lang: Verslag['language']): ParagraphChild[] {
  return [tagRun(r.tag), new TextRun({ text: `“${oneLine(r.text)}” ${refContext(r, lang)}` })]
}

function joinRefs(refs: StickyRef[], lang: Verslag['language']): ParagraphChild[] {
  return refs.flatMap((r, i) => [...(i > 0 ? [new TextRun('; ')] : []), ...refRuns(r, lang)])
}

function votes(item: VerslagItem, v: Verslag): TextRun[] {
  return item.votes > 0 ? [new TextRun({ text: ` (${VERSLAG_LABELS[v.language].votes(item.votes)})`, color: '6B6B70' })] : []
}

/** A line under a bullet (traceability), indented to its text. */
function traceParagraph(level: number, label: string, children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    indent: { left: LEVEL_INDENT * (level + 1) },
    children: [new TextRun({ text: `${label} `, italics: true, bold: true }), ...children],
  })
}

/** Bullet characters of typed lists per level, as Word's own bullets look. */
const TYPED_GLYPHS = ['•', '◦', '▪']

/**
 * Items as paragraphs. Bullets use Word's bullet numbering; a list with
 * numbered items (and everything under it) is typed: each item starts with
 * its number or letter as written and a tab, on a hanging indent, so that
 * "6. a." and a list starting at 3 stay as written (SPEC V20).
 */
function itemParagraphs(
  list: VerslagItem[],
  v: Verslag,
  level = 0,
  extras?: (item: VerslagItem, level: number) => Paragraph[],
  typedAbove = false,
  /** The list follows a table: its first paragraph gets air above. */
  afterTable = false,
): Paragraph[] {
  const out: Paragraph[] = []
  const typed = typedAbove || list.some((i) => i.kind === 'bullet' && i.marker !== undefined)
  // One hanging indent for the typed markers of a list, its widest one's: "i." and "ii." start their text together (SPEC V31).
  const wide = list.some((i) => i.kind === 'bullet' && (i.marker ?? '').length > 3)
  list.forEach((item, index) => {
    if (item.kind === 'paragraph') {
      // Text after a list gets the air a reader expects between a list and a paragraph (SPEC V31).
      const afterList = index > 0 && list[index - 1]!.kind === 'bullet'
      out.push(
        new Paragraph({
          indent: level > 0 ? { left: LEVEL_INDENT * level } : undefined,
          ...(afterList || (index === 0 && afterTable) ? { spacing: { before: 160 } } : {}),
          children: [...runs(item.text), ...votes(item, v)],
        }),
      )
    } else if (typed) {
      const marker = item.marker ?? TYPED_GLYPHS[level % TYPED_GLYPHS.length]!
      const hanging = wide ? LEVEL_INDENT * 2 : LEVEL_INDENT
      out.push(
        new Paragraph({
          indent: { left: LEVEL_INDENT * level + hanging, hanging },
          spacing: { after: 40 },
          children: [new TextRun(`${marker}\t`), ...runs(item.text), ...votes(item, v)],
        }),
      )
      if (extras) out.push(...extras(item, level))
    } else {
      out.push(
        new Paragraph({
          numbering: { reference: BULLETS, level: Math.min(level, MAX_LEVEL) },
          children: [...runs(item.text), ...votes(item, v)],
        }),
      )
      if (extras) out.push(...extras(item, level))
    }
    out.push(...itemParagraphs(item.children, v, level + 1, extras, typed && item.kind === 'bullet'))
  })
  return out
}

/** A4 with the margins below: the width of the text in twips. */
const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1247, left: 1020, right: 1020 }
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: children.length > 0 ? children : [new Paragraph('')],
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEF0' } } : {}),
  })
}

/** A table whose columns fit their content (SPEC V24); `texts` are the cells' plain texts for the widths. */
function table(head: string[], rows: Paragraph[][][], texts: string[][], style?: string): Table {
  // Calibri 10.5 pt (or its stand-in): about 125 twips a character, 9 pt about 107; cell margins 2 × 108 and some air.
  const widths = columnWidths(head, texts, TEXT_WIDTH, style === SMALL ? 107 : 125, style === SMALL ? 250 : 280)
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: head.map((h, i) => cell([new Paragraph({ ...(style ? { style } : {}), keepNext: true, children: [new TextRun({ text: h, bold: true })] })], widths[i]!, true)),
      }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!)) })),
    ],
  })
}

/** The paragraph style of a wide table's cells: 9 pt, so seven columns keep their words whole (SPEC V24). */
const SMALL = 'BpTableSmall'

function textCell(text: string | undefined, style?: string): Paragraph[] {
  return text ? [new Paragraph({ ...(style ? { style } : {}), children: runs(text) })] : []
}

function sectionChildren(s: VerslagSection, v: Verslag): (Paragraph | Table)[] {
  const L = VERSLAG_LABELS[v.language]
  const lang = v.language
  const out: (Paragraph | Table)[] = [new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 })]
  switch (s.kind) {
    case 'section':
      out.push(...itemParagraphs(s.items, v))
      break
    case 'conclusies': {
      const byId = new Map(s.conclusies.map((c) => [c.item.id, c]))
      out.push(
        ...itemParagraphs(
          s.conclusies.map((c) => c.item),
          v,
          0,
          (item, level) => {
            const c = byId.get(item.id)
            if (!c) return []
            const lines: Paragraph[] = []
            if (c.restsOn.length > 0) lines.push(traceParagraph(level, `${L.restsOn}:`, joinRefs(c.restsOn, lang)))
            if (c.asksFor.length > 0)
              lines.push(traceParagraph(level, `${L.asksFor}:`, [new TextRun(`${L.regelruimte.toLowerCase()} ${asksForText(v, c.asksFor)}`)]))
            return lines
          },
        ),
      )
      break
    }
    case 'factoren':
      for (const g of s.groups) {
        if (g.heading) out.push(new Paragraph({ text: g.heading, heading: HeadingLevel.HEADING_3 }))
        out.push(...itemParagraphs(g.items, v))
      }
      break
    case 'regelruimte': {
      out.push(...itemParagraphs(s.notes, v))
      if (s.verzoeken.length === 0) break
      const rows = s.verzoeken.map((r) => {
        const what: Paragraph[] = [new Paragraph({ style: SMALL, children: [...runs(r.item.text), ...votes(r.item, v)] })]
        for (const c of r.conclusies) {
          what.push(new Paragraph({ style: SMALL, children: [new TextRun({ text: `${L.followsFrom} `, italics: true, bold: true }), ...refRuns(c.conclusie, lang)] }))
          if (c.factoren.length > 0)
            what.push(
              new Paragraph({
                style: SMALL,
                indent: { left: LEVEL_INDENT },
                children: [new TextRun({ text: `${L.restsOn} `, italics: true, bold: true }), ...joinRefs(c.factoren, lang)],
              }),
            )
        }
        for (const d of r.restsOn)
          what.push(new Paragraph({ style: SMALL, children: [new TextRun({ text: `${L.restsOn} `, italics: true, bold: true }), ...refRuns(d, lang)] }))
        what.push(...itemParagraphs(r.item.children, v, 1))
        return [
          textCell(r.nummer, SMALL),
          what,
          textCell(r.gevraagdeRuimte, SMALL),
          textCell(r.regeling, SMALL),
          textCell(r.adressaat, SMALL),
          textCell(r.indiener, SMALL),
          textCell(L.statusLabel[r.status], SMALL),
        ]
      })
      const texts = s.verzoeken.map((r) => [r.nummer, [r.item.text, ...r.conclusies.map((c) => `${L.followsFrom} “${c.conclusie.text}”`)].join('\n'), r.gevraagdeRuimte ?? '', r.regeling ?? '', r.adressaat ?? '', r.indiener ?? '', L.statusLabel[r.status]])
      out.push(table([L.nummer, L.verzoek, L.gevraagdeRuimte, L.regeling, L.adressaat, L.indiener, L.status], rows, texts, SMALL))
      out.push(...itemParagraphs(s.notesAfter ?? [], v, 0, undefined, false, true))
      break
    }
    case 'afspraken': {
      out.push(...itemParagraphs(s.notes, v))
      if (s.afspraken.length === 0) break
      const rows = s.afspraken.map((a) => [
        // A numbered afspraak keeps its number as written (SPEC V20, I25).
        [new Paragraph({ children: [...runs(markedText(a.item)), ...votes(a.item, v)] }), ...itemParagraphs(a.item.children, v, 1)],
        textCell(a.wie),
        textCell(wanneerText(a, lang)),
        textCell(a.waar),
      ])
      const texts = s.afspraken.map((a) => [markedText(a.item), a.wie ?? '', wanneerText(a, lang), a.waar ?? ''])
      out.push(table([L.afspraak, L.wie, L.wanneer, L.waar], rows, texts))
      out.push(...itemParagraphs(s.notesAfter ?? [], v, 0, undefined, false, true))
      break
    }
  }
  return out
}

function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  if (png.length < 24 || png[0] !== 0x89 || png[1] !== 0x50) return undefined
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function pictureBytes(v: Verslag, options: RenderDocxOptions): Uint8Array | undefined {
  if (options.boardPicturePng) return options.boardPicturePng
  const m = v.boardPicture ? /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(v.boardPicture.url) : null
  return m ? new Uint8Array(Buffer.from(m[1]!, 'base64')) : undefined
}

/** The fixed timestamp of the package: the verslag's latest own date, else a constant. */
function packageDate(v: Verslag): string {
  const date = v.laatstGewijzigdOp ?? v.vaststelling?.vastgesteldOp ?? v.geplaatstOp ?? v.date ?? '2000-01-01'
  return `${date}T00:00:00Z`
}

/** Rewrites the zip with fixed core-property dates and fixed entry times (SPEC V8). */
function deterministicZip(buffer: Uint8Array, v: Verslag): Buffer {
  const files = unzipSync(buffer)
  const stamp = packageDate(v)
  const core = files['docProps/core.xml']
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
      ),
    )
  }
  // docx numbers drawings with a process-wide counter: number them per document instead.
  for (const path of Object.keys(files).filter((p) => /^word\/.*\.xml$/.test(p))) {
    let n = 0
    const xml = strFromU8(files[path]!)
    const renumbered = xml.replace(/(<wp:docPr id=")\d+(")/g, (_m, open: string, close: string) => `${open}${++n}${close}`)
    if (renumbered !== xml) files[path] = strToU8(renumbered)
  }
  const [y, m, d] = stamp.slice(0, 10).split('-').map(Number) as [number, number, number]
  // Local-time fields, as the zip format stores them: the same on every machine.
  const mtime = new Date(y, m - 1, d, 12, 0, 0)
  const entries = Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { mtime }] as const]))
  return Buffer.from(zipSync(entries as unknown as Parameters<typeof zipSync>[0], { mtime }))
}

export async function renderDocx(model: Verslag, options: RenderDocxOptions = {}): Promise<Buffer> {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = printable(safeDeep(model))
  const L = VERSLAG_LABELS[v.language]
  const children: (Paragraph | Table)[] = [new Paragraph({ text: v.heading, heading: HeadingLevel.HEADING_1 })]
  for (const line of headerLines(v)) {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: line.value ? `${line.label}: ` : line.label, bold: true }), new TextRun(line.value)],
      }),
    )
  }
  for (const p of v.intro) children.push(new Paragraph({ children: runs(p), spacing: { before: 120 } }))
  if (v.agenda.length > 0) {
    children.push(new Paragraph({ text: L.agenda, heading: HeadingLevel.HEADING_2 }))
    for (const a of v.agenda) {
      const m = agendaMarker(a)
      children.push(
        m
          ? new Paragraph({ indent: { left: LEVEL_INDENT, hanging: LEVEL_INDENT }, children: [new TextRun(`${m.marker}\t${m.text}`)] })
          : new Paragraph({ text: a, numbering: { reference: BULLETS, level: 0 } }),
      )
    }
  }
  const png = pictureBytes(v, options)
  const size = png ? pngSize(png) : undefined
  if (png && size) {
    // Sized to the page (SPEC V24): the text width and at most most of the page's height, aspect kept.
    const maxWidth = Math.floor((TEXT_WIDTH / 1440) * 96)
    const maxHeight = Math.floor(((PAGE.height - PAGE.top - PAGE.bottom) / 1440) * 96 * 0.8)
    const scale = Math.min(1, maxWidth / size.width, maxHeight / size.height)
    const width = Math.max(1, Math.round(size.width * scale))
    const height = Math.max(1, Math.round(size.height * scale))
    children.push(
      new Paragraph({
        children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: 'bord', description: v.boardPicture?.alt ?? L.boardPicture, title: L.boardPicture } })],
      }),
    )
  }
  for (const s of v.sections) children.push(...sectionChildren(s, v))
  const stemmen = stemmenTable(v)
  if (stemmen.rows.length > 0) {
    // The ranked votes (SPEC V26).
    children.push(new Paragraph({ text: L.stemmen, heading: HeadingLevel.HEADING_2 }))
    children.push(table(stemmen.head, stemmen.rows.map((r) => r.map((c) => textCell(c))), stemmen.rows))
  }
  const footer = footerLines(v)
  footer.forEach((l, i) => children.push(new Paragraph({ text: `${l.label}: ${l.value}`, spacing: i === 0 ? { before: 360 } : undefined })))

  const doc = new Document({
    creator: 'Brownpaper',
    lastModifiedBy: 'Brownpaper',
    title: v.heading,
    subject: [v.themagroep, v.typeLabel].filter((x) => x).join(' – '),
    description: v.themagroep,
    revision: v.vaststelling?.versie ?? 1,
    // Headings with space above, kept with what follows (SPEC V24).
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21 }, paragraph: { spacing: { after: 80 } } },
        heading1: { run: { font: 'Calibri', size: 36, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 0, after: 200 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: 'Calibri', size: 28, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: 'Calibri', size: 23, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
      },
      paragraphStyles: [{ id: SMALL, name: 'Table text (small)', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40 } } }],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
            level,
            format: LevelFormat.BULLET,
            text: ['•', '◦', '▪'][level % 3]!,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: LEVEL_INDENT * (level + 1), hanging: LEVEL_INDENT } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
        // Page numbers in the footer (SPEC V24).
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 18, color: '6B6B70', children: [L.page, ' ', PageNumber.CURRENT, ` ${L.pageOf} `, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return deterministicZip(await Packer.toBuffer(doc), v)
}
