/**
 * List items typed as characters (SPEC I14, I15): bullets ("•", "–", "◦", …)
 * and numbered or lettered markers ("1.", "2)", "a.", "b)", "iv.", "6. a."),
 * the same in plain text and in .docx paragraphs. Pure and synchronous.
 */

/** Characters that make a line a bullet, with or without a space after them. */
const GLYPHS = '•◦▪▫‣∙●○■□➢►✓'
/** Characters that make a line a bullet only with a space after them. */
const DASHES = '-*+–—'

const NUMBER = String.raw`\d{1,3}[.)]`
const LETTER = String.raw`[a-z][.)]|[A-Za-z]\)`
const ROMAN = String.raw`(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})[.)]`
/** A marker as written: "1.", "2)", "a.", "B)", "iv.", or a number with a letter, "6. a." / "6a.". */
const MARKER = String.raw`(?:\d{1,3}\s?(?:[.)]\s*)?[a-z][.)](?=\s)|${NUMBER}|${ROMAN}|${LETTER})`

const LIST_ITEM = new RegExp(String.raw`^([ \t\u00A0]*)(?:([${GLYPHS}])[ \t\u00A0]*|([${DASHES}])[ \t\u00A0]+|(${MARKER})[ \t\u00A0]+)(.*)$`, 'u')

export interface TypedListItem {
  /** Leading whitespace as typed. */
  indent: string
  /** The bullet character, for bullets. */
  glyph?: string
  /** The number or letter as written ("1.", "a)", "6. a."), for numbered items. */
  marker?: string
  text: string
}

/** The list item a line is, or undefined. A marker must be followed by text. */
export function typedListItem(line: string): TypedListItem | undefined {
  const m = LIST_ITEM.exec(line)
  if (!m) return undefined
  const text = m[5]!
  if (m[4] !== undefined && text.trim() === '') return undefined
  return {
    indent: m[1]!,
    ...(m[2] ?? m[3] ? { glyph: (m[2] ?? m[3])! } : {}),
    ...(m[4] !== undefined ? { marker: m[4].replace(/\s+/g, ' ') } : {}),
    text,
  }
}

/** A marker that can start a list: "1.", "a)", "i.", "A)"; "3." continues one. */
export function startsList(item: TypedListItem): boolean {
  return item.marker === undefined || /^(?:0|1|a|A|i)[.)]$|^1\s?(?:[.)]\s*)?a[.)]$/.test(item.marker)
}

/** The kind of counter a marker uses, so that "a." under "1." is a deeper level. */
export function markerKind(marker: string): 'number' | 'letter' | 'roman' | 'compound' {
  if (/^\d+\s?(?:[.)]\s*)?[a-z][.)]$/.test(marker)) return 'compound'
  if (/^\d/.test(marker)) return 'number'
  if (/^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})[.)]$/.test(marker) && marker !== 'i.' && marker !== 'v.' && marker !== 'x.') return 'roman'
  return 'letter'
}

/**
 * The counter kind of an item ("#number", "#letter", "#roman") or its bullet
 * character ("g•"). "i.", "v." and "x." are letters right after "h.", "u."
 * and "w."; romans otherwise.
 */
export function itemKind(item: TypedListItem, open: readonly string[], lastLetter: string): string {
  if (item.marker === undefined) return `g${item.glyph ?? ''}`
  const kind = markerKind(item.marker)
  if (kind === 'compound') return '#number'
  if (kind === 'letter' && /^[ivx][.)]$/.test(item.marker)) {
    const previous: Record<string, string> = { i: 'h', v: 'u', x: 'w' }
    return lastLetter === previous[item.marker[0]!] && !open.includes('#roman') ? '#letter' : '#roman'
  }
  return `#${kind}`
}

/**
 * Nesting of typed items that the indentation does not show (a .docx
 * paragraph, or copied text that lost its spaces): each new kind of
 * bullet character or counter opens a deeper level; going back to one seen
 * before closes the levels opened after it. Reset at every non-list block.
 */
export class TypedNesting {
  private kinds: string[] = []
  private lastLetter = ''

  depthOf(item: TypedListItem): number {
    const kind = itemKind(item, this.kinds, this.lastLetter)
    if (kind === '#letter' && item.marker) this.lastLetter = item.marker.slice(0, 1).toLowerCase()
    const at = this.kinds.indexOf(kind)
    if (at >= 0) {
      this.kinds = this.kinds.slice(0, at + 1)
      return at
    }
    if (!startsList(item)) {
      // "3." under bullets continues a numbered list from before: back to the top.
      this.kinds = [kind]
      return 0
    }
    this.kinds.push(kind)
    return this.kinds.length - 1
  }

  reset(): void {
    this.kinds = []
    this.lastLetter = ''
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii']

/** The marker Word shows for the n-th (1-based) item of a numbered list at a depth: 1., a., i. (SPEC I15). */
export function wordMarker(n: number, depth: number): string {
  const kind = depth % 3
  if (kind === 1) return `${LETTERS[(n - 1) % 26]}.`
  if (kind === 2) return `${ROMANS[(n - 1) % ROMANS.length]}.`
  return `${n}.`
}
