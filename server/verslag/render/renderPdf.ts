/**
 * The verslag as PDF (SPEC V25), laid out from the same model and with the
 * same look as the .docx and .html: A4, headings kept with what follows,
 * numbered items with their numbers as written, tables with columns fitted
 * to their content, the board picture sized to the page, page numbers, and
 * the title and date in the document properties. Rendered by pdfmake (pure
 * JavaScript on pdfkit) with its Roboto fonts embedded: nothing to install
 * or start at run time. pdfmake may read only its own font files and no
 * URL. Deterministic (V8): the creation date is the verslag's own date.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import pdfmake from 'pdfmake'
import { safeDeep } from '../../../shared/safeText'
import { TAG_INFO } from '../../../shared/tags'
import { VERSLAG_LABELS } from '../../../shared/verslag/labels'
import type { StickyRef, Verslag, VerslagItem, VerslagSection } from '../../../shared/verslag/schema'
import { agendaMarker, asksForText, markedText, footerLines, headerLines, oneLine, printable, refContext, stemmenTable, wanneerText } from '../../../shared/verslag/wording'
import { columnWidths } from './columnWidths'

export interface RenderPdfOptions {
  /** The board picture as PNG bytes, embedded when given (else a data: URL in the model is used). */
  boardPicturePng?: Uint8Array
}

/** pdfmake content: plain data (strings, arrays, objects). */
type Node = string | Node[] | { [key: string]: unknown }

const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto')
const FONTS = {
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
}
pdfmake.setFonts(FONTS)
// No network, and no file but the fonts: sticky text never makes pdfmake fetch or read anything.
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep))

/** A4 in points and the margins of the .html export (20/18/22/18 mm). */
const PAGE = { width: 595.28, margins: [51, 57, 51, 62] as const }
const TEXT_WIDTH = PAGE.width - PAGE.margins[0] - PAGE.margins[2]
/** Bullets per level; Roboto has no "◦" or "▪". */
const GLYPHS = ['•', '–', '·']
const GREY = '#4a4a4f'

function votes(item: VerslagItem, v: Verslag): Node[] {
  return item.votes > 0 ? [{ text: ` (${VERSLAG_LABELS[v.language].votes(item.votes)})`, color: '#6b6b70', fontSize: 9 }] : []
}

function refText(r: StickyRef, lang: Verslag['language']): Node[] {
  return [{ text: `${TAG_INFO[r.tag].symbol} `, color: TAG_INFO[r.tag].hex, bold: true }, `“${oneLine(r.text)}” ${refContext(r, lang)}`]
}

function joinRefs(refs: StickyRef[], lang: Verslag['language']): Node[] {
  return refs.flatMap((r, i) => [...(i > 0 ? ['; '] : []), ...refText(r, lang)])
}

/** One list item: its marker (number as written, or a bullet) in a narrow column beside its text and what hangs under it. */
function listItem(marker: string, body: Node[], widest = marker): Node {
  // One width for the markers of a list, its widest one's: "i." and "ii." start their text at the same place (SPEC V31).
  const width = Math.max(12, widest.length * 5.5 + 4)
  return { columns: [{ width, text: marker }, { width: '*', stack: body }], columnGap: 2, margin: [0, 0, 0, 3] }
}

function items(list: VerslagItem[], v: Verslag, level = 0, extras?: (item: VerslagItem) => Node[]): Node[] {
  const out: Node[] = []
  const glyph = GLYPHS[level % GLYPHS.length]!
  const widest = list.reduce((w, i) => (i.kind === 'bullet' && (i.marker ?? glyph).length > w.length ? (i.marker ?? glyph) : w), glyph)
  list.forEach((item, index) => {
    if (item.kind === 'paragraph') {
      // Text after a list gets air above it (SPEC V31).
      out.push({ text: [item.text, ...votes(item, v)], margin: [0, index > 0 && list[index - 1]!.kind === 'bullet' ? 5 : 0, 0, 6] })
      if (item.children.length > 0) out.push(...items(item.children, v, level + 1, extras))
      return
    }
    const body: Node[] = [{ text: [item.text, ...votes(item, v)] }, ...(extras ? extras(item) : [])]
    if (item.children.length > 0) body.push({ stack: items(item.children, v, level + 1, extras), margin: [0, 3, 0, 0] })
    out.push(listItem(item.marker ?? glyph, body, widest))
  })
  return out
}

function trace(label: string, content: Node[]): Node {
  return { text: [{ text: `${label} `, bold: true, italics: true }, ...content], fontSize: 9.5, color: GREY, margin: [0, 1, 0, 0] }
}

function table(head: string[], rows: Node[][], texts: string[][]): Node {
  // Roboto 9.5 pt: about 5.2 pt a character; cell padding 2 × 4 and some air.
  const widths = columnWidths(head, texts, TEXT_WIDTH - head.length * 8.5, 5.2, 6)
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [head.map((h) => ({ text: h, bold: true, fillColor: '#eeeef0' })), ...rows],
    },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#9a9aa0', vLineColor: () => '#9a9aa0', paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 3 },
    fontSize: 9.5,
    margin: [0, 4, 0, 10],
  }
}

function section(s: VerslagSection, v: Verslag): Node[] {
  const L = VERSLAG_LABELS[v.language]
  const lang = v.language
  const out: Node[] = [{ text: s.heading, style: 'h2', headlineLevel: 2 }]
  switch (s.kind) {
    case 'section':
      out.push(...items(s.items, v))
      break
    case 'conclusies': {
      const byId = new Map(s.conclusies.map((c) => [c.item.id, c]))
      out.push(
        ...items(
          s.conclusies.map((c) => c.item),
          v,
          0,
          (item) => {
            const c = byId.get(item.id)
            if (!c) return []
            const lines: Node[] = []
            if (c.restsOn.length > 0) lines.push(trace(`${L.restsOn}:`, joinRefs(c.restsOn, lang)))
            if (c.asksFor.length > 0) lines.push(trace(`${L.asksFor}:`, [`${L.regelruimte.toLowerCase()} ${asksForText(v, c.asksFor)}`]))
            return lines
          },
        ),
      )
      break
    }
    case 'factoren':
      for (const g of s.groups) {
        if (g.heading) out.push({ text: g.heading, style: 'h3', headlineLevel: 3 })
        out.push(...items(g.items, v))
      }
      break
    case 'regelruimte': {
      out.push(...items(s.notes, v))
      if (s.verzoeken.length === 0) break
      const rows = s.verzoeken.map((r) => {
        const what: Node[] = [{ text: [r.item.text, ...votes(r.item, v)] }]
        for (const c of r.conclusies) {
          what.push(trace(L.followsFrom, refText(c.conclusie, lang)))
          if (c.factoren.length > 0) what.push({ ...(trace(L.restsOn, joinRefs(c.factoren, lang)) as object), margin: [8, 1, 0, 0] })
        }
        for (const d of r.restsOn) what.push(trace(L.restsOn, refText(d, lang)))
        what.push(...items(r.item.children, v, 1))
        return [r.nummer, { stack: what }, r.gevraagdeRuimte ?? '', r.regeling ?? '', r.adressaat ?? '', r.indiener ?? '', L.statusLabel[r.status]]
      })
      const texts = s.verzoeken.map((r) => [r.nummer, [r.item.text, ...r.conclusies.map((c) => `${L.followsFrom} “${c.conclusie.text}”`)].join('\n'), r.gevraagdeRuimte ?? '', r.regeling ?? '', r.adressaat ?? '', r.indiener ?? '', L.statusLabel[r.status]])
      out.push(table([L.nummer, L.verzoek, L.gevraagdeRuimte, L.regeling, L.adressaat, L.indiener, L.status], rows, texts))
      out.push(...items(s.notesAfter ?? [], v))
      break
    }
    case 'afspraken': {
      out.push(...items(s.notes, v))
      if (s.afspraken.length === 0) break
      const rows = s.afspraken.map((a) => [{ stack: [{ text: [markedText(a.item), ...votes(a.item, v)] }, ...items(a.item.children, v, 1)] }, a.wie ?? '', wanneerText(a, lang), a.waar ?? ''])
      const texts = s.afspraken.map((a) => [markedText(a.item), a.wie ?? '', wanneerText(a, lang), a.waar ?? ''])
      out.push(table([L.afspraak, L.wie, L.wanneer, L.waar], rows, texts))
      out.push(...items(s.notesAfter ?? [], v))
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

/** The verslag's latest own date, as in the .docx (V8). */
function documentDate(v: Verslag): Date {
  return new Date(`${v.laatstGewijzigdOp ?? v.vaststelling?.vastgesteldOp ?? v.geplaatstOp ?? v.date ?? '2000-01-01'}T00:00:00Z`)
}

export async function renderPdf(model: Verslag, options: RenderPdfOptions = {}): Promise<Buffer> {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = printable(safeDeep(model))
  const L = VERSLAG_LABELS[v.language]
  const content: Node[] = [{ text: v.heading, style: 'h1' }]
  const header = headerLines(v)
  if (header.length > 0) {
    content.push({ stack: header.map((line) => ({ text: [{ text: line.value ? `${line.label}: ` : line.label, bold: true }, line.value] })), margin: [0, 0, 0, 8] })
  }
  for (const p of v.intro) content.push({ text: p, margin: [0, 0, 0, 6] })
  if (v.agenda.length > 0) {
    content.push({ text: L.agenda, style: 'h2', headlineLevel: 2 })
    for (const a of v.agenda) {
      const m = agendaMarker(a)
      content.push(m ? listItem(m.marker, [m.text]) : listItem(GLYPHS[0]!, [a]))
    }
  }
  const fromModel = v.boardPicture ? /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(v.boardPicture.url)?.[1] : undefined
  const png = options.boardPicturePng ?? (fromModel ? new Uint8Array(Buffer.from(fromModel, 'base64')) : undefined)
  const size = png ? pngSize(png) : undefined
  if (png && size) {
    // Sized to the page: the text width and at most most of the page's height, aspect kept.
    const scale = Math.min(1, TEXT_WIDTH / size.width, 560 / size.height)
    content.push({ image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, width: size.width * scale, height: size.height * scale, margin: [0, 6, 0, 10] })
  }
  for (const s of v.sections) content.push(...section(s, v))
  const stemmen = stemmenTable(v)
  if (stemmen.rows.length > 0) {
    // The ranked votes (SPEC V26).
    content.push({ text: L.stemmen, style: 'h2', headlineLevel: 2 }, table(stemmen.head, stemmen.rows, stemmen.rows))
  }
  const footer = footerLines(v)
  if (footer.length > 0) content.push({ stack: footer.map((l) => `${l.label}: ${l.value}`), margin: [0, 18, 0, 0] })

  const date = documentDate(v)
  const definition = {
    pageSize: 'A4',
    pageMargins: PAGE.margins,
    info: { title: v.heading, subject: [v.themagroep, v.typeLabel].filter((x) => x).join(' – '), author: 'Brownpaper', creator: 'Brownpaper', producer: 'Brownpaper', creationDate: date, modDate: date },
    language: v.language === 'nl' ? 'nl-NL' : 'en-GB',
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25, color: '#1d1d1f' },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
      h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
    },
    content,
    footer: (current: number, total: number) => ({ text: `${L.page} ${current} ${L.pageOf} ${total}`, alignment: 'center', fontSize: 9, color: '#6b6b70', margin: [0, 24, 0, 0] }),
    // A heading is never the last thing on a page (keep with next): nothing follows it on its page, or it
    // starts in the page's last fifth (a table after it moves to the next page as a whole).
    pageBreakBefore: (node: { headlineLevel?: number; startPosition?: { verticalRatio?: number } }, queries: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel !== undefined && (queries.getFollowingNodesOnPage().length === 0 || (node.startPosition?.verticalRatio ?? 0) > 0.8),
  }
  return pdfmake.createPdf(definition).getBuffer()
}
