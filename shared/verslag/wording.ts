/**
 * Wording shared by every renderer and by the client's live preview, so that md, html and docx say the same
 * thing in the same words: the header lines under the title, a reference to
 * a linked sticky, an afspraak's date and time, and the closing dates.
 */
import { formatDate } from '../dates'
import { TAG_INFO } from '../tags'
import { VERSLAG_LABELS } from './labels'
import type { Afspraak, StickyRef, Verslag, VerslagItem, VerslagSection } from './schema'

/**
 * An image placeholder left in copied text ("huisarts in the lead 1000x667",
 * SPEC V21): a line ending in a pixel size. Kept on the board and in the
 * model where it was; left out of the printed formats.
 */
export const IMAGE_PLACEHOLDER = /^.{0,120}\b\d{2,5}\s?[x×]\s?\d{2,5}$/

export function isImagePlaceholder(text: string): boolean {
  const t = text.trim()
  return !t.includes('\n') && IMAGE_PLACEHOLDER.test(t)
}

function printableItems(items: VerslagItem[]): VerslagItem[] {
  return items
    .filter((i) => !(i.kind === 'paragraph' && i.children.length === 0 && isImagePlaceholder(i.text)))
    .map((i) => (i.children.length > 0 ? { ...i, children: printableItems(i.children) } : i))
}

function printableSection(s: VerslagSection): VerslagSection {
  switch (s.kind) {
    case 'section':
      return { ...s, items: printableItems(s.items) }
    case 'factoren':
      return { ...s, groups: s.groups.map((g) => ({ ...g, items: printableItems(g.items) })) }
    case 'regelruimte':
    case 'afspraken':
      return { ...s, notes: printableItems(s.notes), ...(s.notesAfter ? { notesAfter: printableItems(s.notesAfter) } : {}) }
    default:
      return s
  }
}

/** The verslag as printed (md, html, docx, pdf): image placeholders left out (SPEC V21). */
export function printable(v: Verslag): Verslag {
  return { ...v, intro: v.intro.filter((p) => !isImagePlaceholder(p)), sections: v.sections.map(printableSection) }
}

/** "1. Opening" → marker "1." and text "Opening": an agenda line with its number as written (SPEC V20). */
export function agendaMarker(line: string): { marker: string; text: string } | undefined {
  const m = /^(\d{1,3}[.)]|[a-z][.)])\s+(\S.*)$/.exec(line)
  return m ? { marker: m[1]!, text: m[2]! } : undefined
}

/** An item's text with its number as written before it ("1. Notitie rondsturen"), for table cells (SPEC V20). */
export function markedText(item: { text: string; marker?: string | undefined }): string {
  return item.marker ? `${item.marker} ${item.text}` : item.text
}

export interface LabelledLine {
  label: string
  value: string
}

/** Themagroep, type, date, place, deelnemers, afgemeld, version (SPEC V1, V2). */
export function headerLines(v: Verslag): LabelledLine[] {
  const L = VERSLAG_LABELS[v.language]
  const lines: LabelledLine[] = []
  if (v.themagroep.trim()) lines.push({ label: L.themagroep, value: v.themagroep })
  if (v.typeLabel) lines.push({ label: L.type, value: v.typeLabel })
  if (v.date) lines.push({ label: L.datum, value: formatDate(v.date, v.language) })
  if (v.place) lines.push({ label: L.plaats, value: v.place })
  if (v.deelnemers.length > 0) {
    lines.push({
      label: L.deelnemers,
      value: v.deelnemers.map((d) => (d.name ? `${d.organisation} (${d.name})` : d.organisation)).join(', '),
    })
  }
  if (v.afgemeld.length > 0) lines.push({ label: L.afgemeld, value: v.afgemeld.join(', ') })
  if (v.vaststelling) {
    const on = v.vaststelling.vastgesteldOp
    lines.push({
      label: L.versie(v.vaststelling.versie),
      value: on ? `${L.vastgesteldOp} ${formatDate(on, v.language)}` : '',
    })
  }
  return lines
}

/** "Geplaatst op" / "Laatst gewijzigd op" (SPEC V9). */
export function footerLines(v: Verslag): LabelledLine[] {
  const L = VERSLAG_LABELS[v.language]
  const lines: LabelledLine[] = []
  if (v.geplaatstOp) lines.push({ label: L.geplaatstOp, value: formatDate(v.geplaatstOp, v.language) })
  if (v.laatstGewijzigdOp) lines.push({ label: L.laatstGewijzigdOp, value: formatDate(v.laatstGewijzigdOp, v.language) })
  return lines
}

/** A sticky's text on one line. */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' / ')
}

/** The context of a reference: "(belemmerend, SO in the lead)". */
export function refContext(r: StickyRef, lang: Verslag['language']): string {
  const parts = [TAG_INFO[r.tag].label[lang].toLowerCase()]
  if (r.sheet) parts.push(r.sheet)
  return `(${parts.join(', ')})`
}

/** "22 juni 2016, 09:30–11:30" (SPEC V9). */
export function wanneerText(a: Afspraak, lang: Verslag['language']): string {
  const parts: string[] = []
  if (a.wanneer) parts.push(formatDate(a.wanneer, lang))
  if (a.tijdVan) parts.push(a.tijdTot ? `${a.tijdVan}–${a.tijdTot}` : a.tijdVan)
  else if (a.tijdTot) parts.push(`–${a.tijdTot}`)
  return parts.join(', ')
}

const verzoekTitles = new WeakMap<Verslag, Map<string, string>>()

/** "R1 “Aanpassing subsidieregeling …”": the requests a conclusie asks for, by number and text. */
export function asksForText(v: Verslag, nummers: string[]): string {
  let titles = verzoekTitles.get(v)
  if (!titles) {
    titles = new Map(
      v.sections.flatMap((s) => (s.kind === 'regelruimte' ? s.verzoeken.map((r) => [r.nummer, oneLine(r.item.text)] as const) : [])),
    )
    verzoekTitles.set(v, titles)
  }
  return nummers.map((n) => (titles.has(n) ? `${n} “${titles.get(n)}”` : n)).join('; ')
}

/**
 * The ranked votes as a table (SPEC V26): rank, the sticky's text, its tag,
 * its sheet, its votes. Every format lays out these cells; ties share a rank.
 */
export function stemmenTable(v: Verslag): { head: string[]; rows: string[][] } {
  const L = VERSLAG_LABELS[v.language]
  return {
    head: [L.nummer, L.sticky, L.tag, L.vel, L.stemmen],
    rows: (v.stemmen ?? []).map((r) => [`${r.rank}`, r.sticky.text, TAG_INFO[r.sticky.tag].label[v.language], r.sticky.sheet ?? '', `${r.votes}`]),
  }
}
