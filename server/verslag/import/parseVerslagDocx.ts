/**
 * A .docx verslag → neutral blocks (SPEC I2). mammoth turns the document into
 * simple HTML that keeps Word's headings and list nesting; this walks that
 * HTML: h1–h6 → headings, p → paragraphs (a one-line paragraph that looks
 * like a heading, or is all bold, becomes one), ul/ol → bullets with their
 * depth; our own afspraken and regelruimte tables → bullets with their
 * fields, other table rows → paragraphs with the cells joined by " | ".
 */
import mammoth from 'mammoth'
import { FIELD_LINE, isHeadingLine } from './classifyLine'
import { knownTableBullets, TRACE_LINE } from './knownTables'
import { TypedNesting, typedListItem, wordMarker } from './listMarkers'
import { wordNumberMarkers } from './wordNumbering'
import type { ParsedBlock, ParsedVerslag } from './parsedVerslag'

import { UnreadableDocxError } from './UnreadableDocxError'

export { UnreadableDocxError }

/** Votes as our export writes them, "(3 stemmen)": derived from the votes, not text. */
const VOTES_SUFFIX = /\s\(\d+ (stem|stemmen|vote|votes)\)$/

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole
    }
    return ENTITIES[code.toLowerCase()] ?? whole
  })
}

/** Brackets the number Word shows before a numbered paragraph (SPEC I22), put in by parseVerslagDocx. */
const MARK_OPEN = '\u0001'
const MARK_CLOSE = '\u0002'
const MARKED = /^\s*\u0001([^\u0001\u0002]*)\u0002\s*/

const clean = (t: string) =>
  t
    .split('\n')
    // Spaces collapse; a tab inside a line stays one tab (cells pasted from a spreadsheet), so our own export reads back the same.
    .map((l) => l.replace(/ +/g, ' ').replace(/ ?\t[ \t]*/g, '\t').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')

/** Walks mammoth's HTML (well-formed, a small fixed set of tags) into blocks. */
export function blocksFromHtml(html: string): ParsedBlock[] {
  const blocks: ParsedBlock[] = []
  const lists: boolean[] = [] // open lists, true when ordered
  /** Items seen so far in each open list, for the numbers Word shows (SPEC I15). */
  const counters: number[] = []
  const typed = new TypedNesting()
  // A document with Word headings (two or more, as our own export) declares its headings: a short plain
  // paragraph in it is text ("Lees meer", a byline), unless it is all bold (SPEC I13, I25).
  const declared = (html.match(/<h[1-6][\s>]/g) ?? []).length >= 2
  let buffer = ''
  let current: 'h' | 'p' | 'li' | 'cell' | null = null
  let level = 0
  let allBold = true
  let sawText = false
  let bold = 0
  /** Open table: rows of cells of lines. */
  let table: string[][][] | null = null
  let cellLines: string[] | null = null

  const flush = () => {
    let text = clean(buffer).replace(VOTES_SUFFIX, '')
    buffer = ''
    // The number Word shows before this paragraph, when parseVerslagDocx could read it (SPEC I22).
    const mark = MARKED.exec(text)
    const wordNumber = mark ? mark[1]!.trim() : undefined
    if (mark) text = text.slice(mark[0].length)
    // A numbered paragraph that mammoth did not make a list item or heading: its number as typed text.
    if (wordNumber && current === 'p') text = `${wordNumber} ${text}`
    if (text === '') return
    // Trace lines of our own export are derived from arrows, not content (SPEC I13).
    if (current !== 'cell' && current !== 'h' && TRACE_LINE.test(text)) return
    // A heading numbered by Word keeps its number as the reader saw it: "2.1 Wijkverpleging".
    if (current === 'h') blocks.push({ kind: 'heading', text: wordNumber ? `${wordNumber} ${text}` : text, level })
    else if (current === 'cell') cellLines?.push(...(wordNumber ? `${wordNumber} ${text}` : text).split('\n'))
    else if (current === 'li') {
      typed.reset()
      const depth = Math.max(0, lists.length - 1)
      const n = (counters[counters.length - 1] ?? 0) + 1
      if (counters.length > 0) counters[counters.length - 1] = n
      const marker = wordNumber !== undefined ? wordNumber : lists[lists.length - 1] ? wordMarker(n, depth) : ''
      blocks.push({ kind: 'bullet', text, depth, ...(marker ? { marker } : {}) })
    } else if (typedListItem(text.split('\n')[0]!)) {
      // A list typed as characters in a paragraph ("• …", "1. …", as LibreOffice makes from text).
      const [firstLine, ...more] = text.split('\n')
      const item = typedListItem(firstLine!)!
      blocks.push({ kind: 'bullet', text: [item.text.trim(), ...more].join('\n'), depth: typed.depthOf(item), ...(item.marker !== undefined ? { marker: item.marker } : {}) })
      return
    } else if (!text.includes('\n') && !FIELD_LINE.test(text) && ((allBold && sawText && text.length <= 120) || (!declared && isHeadingLine(text))))
      blocks.push({ kind: 'heading', text })
    else blocks.push({ kind: 'paragraph', text })
    typed.reset()
  }

  const tokens = html.match(/<[^>]+>|[^<]+/g) ?? []
  for (const token of tokens) {
    if (token[0] !== '<') {
      const text = decode(token)
      const shown = text.replace(/\u0001[^\u0001\u0002]*\u0002/g, '')
      if (shown.trim() !== '') {
        sawText = true
        if (bold === 0) allBold = false
      }
      buffer += text
      continue
    }
    const m = /^<(\/?)([a-z0-9]+)/i.exec(token)
    if (!m) continue
    const closing = m[1] === '/'
    const tag = m[2]!.toLowerCase()
    if (tag === 'table') {
      if (!closing) {
        flush()
        table = []
      } else if (table) {
        const rows = table
        table = null
        current = null
        const known = knownTableBullets(rows)
        if (known) blocks.push(...known)
        else for (const r of rows) blocks.push({ kind: 'paragraph', text: r.map((c) => c.join(' ').trim()).join(' | ') })
      }
      continue
    }
    if (table) {
      // Inside a table every paragraph or list item is a line of its cell.
      if (tag === 'tr' && !closing) table.push([])
      else if ((tag === 'td' || tag === 'th') && !closing) {
        cellLines = []
        table[table.length - 1]?.push(cellLines)
        current = 'cell'
        buffer = ''
      } else if (tag === 'p' || tag === 'li' || tag === 'td' || tag === 'th') flush()
      else if (tag === 'br') buffer += '\n'
      continue
    }
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) {
        flush()
        current = 'h'
        level = Number(tag[1])
      } else {
        flush()
        current = null
      }
    } else if (tag === 'p') {
      if (!closing) {
        if (current !== 'li' && current !== 'cell') {
          flush()
          current = 'p'
          allBold = true
          sawText = false
        } else if (buffer.trim() !== '') buffer += '\n'
      } else if (current === 'p') {
        flush()
        current = null
      }
    } else if (tag === 'ul' || tag === 'ol') {
      if (!closing) {
        if (current === 'li') flush()
        lists.push(tag === 'ol')
        counters.push(0)
      } else {
        if (current === 'li') flush()
        lists.pop()
        counters.pop()
        current = lists.length > 0 ? 'li' : null
      }
    } else if (tag === 'li') {
      flush()
      current = closing ? (lists.length > 0 ? 'li' : null) : 'li'
    } else if (tag === 'br') {
      buffer += '\n'
    } else if (tag === 'strong' || tag === 'b') {
      bold += closing ? -1 : 1
    } else if (tag === 'img' && !closing) {
      const alt = /\balt="([^"]*)"/.exec(token)
      if (alt && alt[1]!.trim()) buffer += decode(alt[1]!)
    }
  }
  flush()
  return blocks
}

export async function parseVerslagDocx(buffer: Buffer): Promise<ParsedVerslag> {
  let html: string
  // Word's own numbers (SPEC I22): one per paragraph mammoth reads as numbered, in the same order; when the
  // two counts differ the numbers are not used and lists fall back to 1., a., i. by depth.
  const markers = wordNumberMarkers(buffer)
  let seen = 0
  const numbered: { children: unknown[] }[] = []
  /** mammoth's document tree, walked in document order: its numbered paragraphs. */
  const collect = (element: { type?: string; numbering?: unknown; children?: unknown[] }) => {
    if (element.type === 'paragraph' && element.numbering && Array.isArray(element.children)) numbered.push(element as { children: unknown[] })
    for (const child of element.children ?? []) if (child && typeof child === 'object') collect(child as typeof element)
  }
  try {
    // Images are left out: the import keeps text; their alt text stays.
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (doc: { children?: unknown[] }) => {
          collect(doc)
          if (markers !== null && markers.length === numbered.length)
            for (const p of numbered) p.children.unshift({ type: 'run', children: [{ type: 'text', value: `${MARK_OPEN}${markers[seen++]!}${MARK_CLOSE}` }], isBold: false, isItalic: false, isUnderline: false, isStrikethrough: false, isAllCaps: false, isSmallCaps: false, verticalAlignment: 'baseline', styleId: null, styleName: null, font: null, fontSize: null, highlight: null })
          return doc
        },
      },
    )
    html = result.value
  } catch (error) {
    throw new UnreadableDocxError(error instanceof Error ? error.message : 'unreadable .docx')
  }
  return { blocks: blocksFromHtml(html), shape: 'docx' }
}
