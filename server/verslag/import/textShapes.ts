/**
 * Recognises the shape of a pasted text before it is parsed (SPEC I16–I20),
 * from the text itself: a verslag with blank lines between paragraphs, web
 * text with one paragraph per line and no blank lines, or hard-wrapped text
 * copied from a PDF (lines cut at a width, words hyphenated at line ends,
 * running page headers, footers and page numbers). Its output is the text as
 * paragraphs separated by blank lines, plus the lines it recognised as
 * headings. When unsure a line stays text where it was. Pure and synchronous.
 */
import { FIELD_LINE, IMAGE_PLACEHOLDER } from './classifyLine'
import { typedListItem } from './listMarkers'

export type TextShape = 'paragraphs' | 'lines' | 'wrapped'

export interface ShapedText {
  lines: string[]
  /** Indices into `lines` of lines recognised as headings from their place in the text. */
  headings: Set<number>
  /**
   * In lines and wrapped shape, the shape decides headings: every other line is text, however short
   * ("Lees meer", a byline, a wrapped subtitle joined into one line) — only a Markdown, bold or known
   * heading ("Afspraken") typed on its own line is still one (SPEC I16, I25).
   */
  textOnly: boolean
  /** Page headers, footers and page numbers left out (SPEC I18). */
  dropped: string[]
  shape: TextShape
}

/** A page number alone on a line: "12", "- 12 -", "Pagina 3 van 10", "3/10". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:van|of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i
/** Ends a sentence (or a lead-in): the line is complete. */
const FINAL_PUNCTUATION = /[.!?:;]["”’')\]]*$/
const STARTS_LOWER = /^\p{Ll}/u
const STARTS_UPPER = /^[\p{Lu}\p{N}"“‘']/u

const isBlank = (line: string) => line.trim() === ''
const isIndented = (line: string) => /^[ \t\u00A0]/.test(line)
const letters = (line: string) => line.replace(/[^\p{L}]/gu, '')

/** A heading in capitals: "MEER REGELRUIMTE VOOR DE WIJK" (at least one word of three letters, nothing in lower case). */
export function isCapitalsHeading(line: string): boolean {
  const text = line.trim()
  const l = letters(text)
  return l.length >= 3 && l === l.toUpperCase() && /\p{Lu}{3}/u.test(l) && text.length <= 100 && !FINAL_PUNCTUATION.test(text.replace(/[?]$/, ''))
}

/** Short enough, and shaped like a heading: no final punctuation, starts with a capital or digit, not a field or list item. */
function headingLike(line: string, maxLength: number): boolean {
  const text = line.trim()
  if (text.length < 2 || text.length > maxLength || text.split(/\s+/).length > 12) return false
  if (FINAL_PUNCTUATION.test(text) && !/\?$/.test(text)) return false
  if (/[,\-–]$/.test(text)) return false
  if (typedListItem(line) || FIELD_LINE.test(text) || IMAGE_PLACEHOLDER.test(text)) return false
  return STARTS_UPPER.test(text)
}

/**
 * Page furniture (SPEC I18): page numbers alone on a line when there are at
 * least two; and short lines repeated at least twice whose every occurrence
 * stands within three lines of a page boundary (a page number, a form feed,
 * the start or end of the text): running headers and footers. A repeated
 * line elsewhere in the text is content and stays.
 */
function pageFurniture(lines: string[], pageBreaks: ReadonlySet<number>): Set<number> {
  const drop = new Set<number>()
  const numbers = lines.flatMap((l, i) => (PAGE_NUMBER.test(l.trim()) ? [i] : []))
  if (numbers.length >= 2) for (const i of numbers) drop.add(i)
  const content = lines.flatMap((l, i) => (isBlank(l) ? [] : [i]))
  const rank = new Map(content.map((i, r) => [i, r]))
  const boundaries = [0, content.length - 1, ...[...drop].map((i) => rank.get(i)!)]
  for (const b of pageBreaks) {
    const after = content.findIndex((i) => i >= b)
    if (after >= 0) boundaries.push(after, after - 1)
  }
  const nearBoundary = (i: number) => boundaries.some((b) => Math.abs(rank.get(i)! - b) <= 3)
  // Digits and spacing aside: "Zorgblad 4 | 2024 17" and "18 Zorgblad 4 | 2024" are the same running header.
  const key = (l: string) => l.trim().replace(/[\d\s]+/g, '').toLowerCase()
  const counts = new Map<string, number[]>()
  lines.forEach((l, i) => {
    const text = l.trim()
    if (drop.has(i) || text.length < 3 || text.length > 100 || typedListItem(l) || /:$/.test(text) || key(l).length < 3) return
    const k = key(l)
    counts.set(k, [...(counts.get(k) ?? []), i])
  })
  // A running header or footer carrying the page number at its start or end ("Zorgblad 4 | 2024 17",
  // "18 Zorgblad 4 | 2024"): repeated, and the number goes up each time. It marks a page boundary itself.
  const pageOf = (l: string) => Number(/^(\d{1,4})\s/.exec(l.trim())?.[1] ?? /\s(\d{1,4})$/.exec(l.trim())?.[1] ?? NaN)
  for (const at of counts.values()) {
    const pages = at.map((i) => pageOf(lines[i]!))
    // A name of two words or more beside the number: "Stap 1" … "Stap 2" are headings, not a page header.
    const named = at.every((i) => (lines[i]!.match(/\p{L}{2,}/gu) ?? []).length >= 2)
    if (at.length >= 2 && named && pages.every((n, k) => Number.isFinite(n) && (k === 0 || n > pages[k - 1]!))) {
      for (const i of at) {
        drop.add(i)
        boundaries.push(rank.get(i)!)
      }
    }
  }
  for (const at of counts.values()) if (at.length >= 2 && at.every(nearBoundary)) for (const i of at) drop.add(i)
  return drop
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

/** Hard-wrapped: a good share of lines break mid-sentence (no final punctuation, the next line goes on in lower case). */
function isWrapped(lines: string[]): boolean {
  let content = 0
  let broken = 0
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!
    if (isBlank(a)) continue
    content++
    const b = lines[i + 1]
    if (b === undefined || isBlank(b) || typedListItem(b)) continue
    if (!FINAL_PUNCTUATION.test(a.trim()) && STARTS_LOWER.test(b.trim())) broken++
  }
  return content >= 6 && broken >= Math.max(3, content * 0.2)
}

const CONJUNCTIONS = new Set(['en', 'of', 'tot', 'and', 'or', 'to'])

/**
 * Joins a line ending in a hyphen with the next one: "verpleeg-" + "huis" →
 * "verpleeghuis", "Achter-" + "hoek" → "Achterhoek"; "Wlz-" + "indicatie"
 * (an abbreviation), "zorg-" + "en" (a conjunction follows) and a word the
 * text elsewhere writes with a hyphen keep their hyphen.
 */
function joinHyphenated(a: string, b: string, corpus: string, written: string): string {
  const prefix = /([\p{L}\p{N}]+)-$/u.exec(a)?.[1] ?? ''
  const next = /^[\p{L}\p{N}]+/u.exec(b)?.[0] ?? ''
  const joined = `${prefix}${next}`.toLowerCase()
  const hyphenated = `${prefix}-${next}`.toLowerCase()
  const keep =
    CONJUNCTIONS.has(next.toLowerCase()) ||
    (corpus.includes(hyphenated) && !corpus.includes(joined)) ||
    // An abbreviation before the hyphen ("NZa-", "Wlz-", "Wmo-" where the text also has "Wmo" alone) keeps it.
    ((/\p{N}|\p{Lu}.*\p{Lu}/u.test(prefix) ||
      // A short capitalised word without any vowel ("Wlz-", "Ggz-"); "En-" + "schede" is a word cut in two.
      (prefix.length <= 4 && /^\p{Lu}/u.test(prefix) && !/[aeiouy]/i.test(prefix)) ||
      // …with its capital: "Wmo" alone counts, "en" alone does not make "En-" + "schede" an abbreviation.
      (/^\p{Lu}/u.test(prefix) && new RegExp(`(^|[^\\p{L}])${prefix}([^\\p{L}-]|$)`, 'u').test(written))) &&
      !corpus.includes(joined))
  if (CONJUNCTIONS.has(next.toLowerCase())) return `${a} ${b}`
  return keep ? `${a}${b}` : `${a.slice(0, -1)}${b}`
}

/**
 * Numbered section headings (SPEC I23): "1. Opening", "2. Vaststellen agenda",
 * each a short numbered line without final punctuation (not a question),
 * not indented, standing alone between blank lines and followed by text
 * or a list that is not numbered. At least two such lines with rising numbers make
 * them headings, their numbers kept; one alone stays a list item.
 */
function numberedHeadings(lines: string[]): Set<number> {
  const found: number[] = []
  for (let i = 0; i < lines.length; i++) {
    const item = typedListItem(lines[i]!)
    if (!item?.marker || item.indent !== '' || !/^\d{1,3}[.)]$/.test(item.marker)) continue
    // Alone on its line: after a blank line, or (text without blank lines) after a line of text that is
    // no list item and does not announce one ("…de volgende punten:"); before a blank line or a capitalised line of text.
    const before = i > 0 ? lines[i - 1]! : ''
    if (!isBlank(before) && (typedListItem(before) || /:\s*$/.test(before))) continue
    if (i + 1 >= lines.length) continue
    const below = lines[i + 1]!
    if (!isBlank(below) && (isIndented(below) || !(STARTS_UPPER.test(below.trim()) || typedListItem(below)))) continue
    let k = i + 1
    while (k < lines.length && isBlank(lines[k]!)) k++
    const after = k < lines.length ? typedListItem(lines[k]!) : undefined
    if (k >= lines.length || (after?.marker !== undefined && /^\d/.test(after.marker))) continue
    const text = item.text.trim()
    if (/\?$/.test(text) || !headingLike(text, 80)) continue
    found.push(i)
  }
  const numbers = found.map((i) => parseInt(typedListItem(lines[i]!)!.marker!, 10))
  const rising = numbers.every((n, k) => k === 0 || n > numbers[k - 1]!)
  return found.length >= 2 && rising ? new Set(found) : new Set()
}

export function shapeText(input: string[]): ShapedText {
  // A form feed separates pages: it is a blank line.
  const split: string[] = []
  const pageBreaks = new Set<number>()
  for (const l of input) {
    const parts = l.split('\f')
    parts.forEach((part, i) => {
      if (i > 0) pageBreaks.add(split.length)
      split.push(part)
    })
  }
  const furniture = pageFurniture(split, pageBreaks)
  const dropped = [...furniture].map((i) => split[i]!.trim())
  // Page furniture left out between a line cut mid-sentence and its lower-case continuation takes the
  // blank lines around it along: the sentence (and a word hyphenated across the page break) goes on (SPEC I18).
  const lines: string[] = []
  let acrossFurniture = false
  split.forEach((l, i) => {
    if (furniture.has(i) || pageBreaks.has(i)) acrossFurniture = acrossFurniture || furniture.has(i) || pageBreaks.has(i)
    if (furniture.has(i)) return
    if (!isBlank(l) && acrossFurniture) {
      let end = lines.length
      while (end > 0 && isBlank(lines[end - 1]!)) end--
      const before = end > 0 ? lines[end - 1]!.trim() : ''
      if (before !== '' && !FINAL_PUNCTUATION.test(before) && STARTS_LOWER.test(l.trim())) lines.length = end
    }
    if (!isBlank(l)) acrossFurniture = false
    lines.push(l)
  })
  const content = lines.filter((l) => !isBlank(l))
  const blanks = lines.length - content.length
  const shape: TextShape = isWrapped(lines) ? 'wrapped' : blanks * 4 < content.length && content.length >= 4 ? 'lines' : 'paragraphs'
  const out: string[] = []
  const headings = new Set<number>()
  const heading = (line: string) => {
    if (out.length > 0 && !isBlank(out[out.length - 1]!)) out.push('')
    headings.add(out.length)
    out.push(line.trim())
    out.push('')
  }
  const blank = () => {
    if (out.length > 0 && !isBlank(out[out.length - 1]!)) out.push('')
  }

  if (shape === 'wrapped') {
    const width = percentile(content.filter((l) => !typedListItem(l)).map((l) => l.trim().length), 0.9)
    const written = content.join(' ')
    const corpus = written.toLowerCase()
    let para: string | null = null
    /** The last physical line of the paragraph being joined. */
    let last = ''
    let single = true
    const emit = () => {
      if (para !== null) {
        out.push(para)
        if (!typedListItem(para)) blank()
      }
      para = null
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (isBlank(line)) {
        emit()
        blank()
        continue
      }
      const next = lines[i + 1]
      const text = line.trim()
      if (para === null) {
        const startsBlock = out.length === 0 || isBlank(out[out.length - 1]!) || typedListItem(out[out.length - 1]!) !== undefined
        // A capitals line, or a short line without final punctuation followed by a capitalised line, is a heading.
        if (startsBlock && !typedListItem(line) && (isCapitalsHeading(text) || (headingLike(text, Math.min(80, width * 0.7)) && (next === undefined || isBlank(next) || STARTS_UPPER.test(next.trim()))))) {
          heading(text)
          continue
        }
        if (IMAGE_PLACEHOLDER.test(text)) {
          blank()
          out.push(text)
          blank()
          continue
        }
        para = typedListItem(line) ? line.replace(/\s+$/, '') : text
        last = text
        single = true
        continue
      }
      const endsParagraph = FINAL_PUNCTUATION.test(last) && last.length < width * 0.85
      if (typedListItem(line) || IMAGE_PLACEHOLDER.test(text) || isCapitalsHeading(text) || endsParagraph) {
        emit()
        i--
        continue
      }
      if (/[\p{L}\p{N}]-$/u.test(last) && STARTS_LOWER.test(text)) para = joinHyphenated(para, text, corpus, written)
      else if (/[\p{L}\p{N}]-$/u.test(last) && /^\p{Lu}/u.test(text)) para = `${para}${text}`
      else para = `${para} ${text}`
      last = text
      single = false
    }
    void single
    emit()
  } else {
    const prev = (i: number) => (i > 0 ? lines[i - 1] : undefined)
    const numbered = numberedHeadings(lines)
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (isBlank(line)) {
        blank()
        continue
      }
      const text = line.trim()
      if (numbered.has(i)) {
        heading(text)
        continue
      }
      // Field lines right under a heading ("Gepubliceerd op: 3 juni 2024") do not decide it: the text after them does.
      let j = i + 1
      while (j < lines.length && j < i + 4 && FIELD_LINE.test(lines[j]!.trim())) j++
      const next = lines[j]
      const before = prev(i)
      const startsRun = before === undefined || isBlank(before) || (shape === 'lines' && !isIndented(line) && !STARTS_LOWER.test(text))
      // A short line without final punctuation followed by longer text (or a list) is a heading; not when
      // that longer line is itself shaped like a heading (a menu item above a page's title).
      if (
        startsRun &&
        !isIndented(line) &&
        next !== undefined &&
        !isBlank(next) &&
        headingLike(text, 80) &&
        !/^(=+|-+)$/.test(next.trim()) &&
        (typedListItem(next) !== undefined ||
          (next.trim().length >= Math.max(40, text.length * 1.5) && STARTS_UPPER.test(next.trim()) && !headingLike(next, 80)))
      ) {
        heading(text)
        continue
      }
      if (shape === 'lines' && before !== undefined && (IMAGE_PLACEHOLDER.test(text) || IMAGE_PLACEHOLDER.test(before.trim()))) blank()
      else if (shape === 'lines' && before !== undefined && !isBlank(before) && !isIndented(line) && !STARTS_LOWER.test(text) && !typedListItem(line)) {
        // One paragraph per line: a new line starts a new paragraph unless it goes on in lower case,
        // or it follows a short line without final punctuation (a list of names, an address).
        const b = before.trim()
        if (FINAL_PUNCTUATION.test(b) || b.length >= 60 || typedListItem(before) || IMAGE_PLACEHOLDER.test(b) || IMAGE_PLACEHOLDER.test(text)) blank()
      }
      out.push(line)
    }
  }
  while (out.length > 0 && isBlank(out[out.length - 1]!)) out.pop()
  return { lines: out, headings, dropped, shape, textOnly: shape !== 'paragraphs' }
}
