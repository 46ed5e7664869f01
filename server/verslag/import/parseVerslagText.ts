/**
 * Plain text of a verslag (as copied from a website or Word) → neutral blocks
 * (SPEC I1–I4). Bullets: "•", "-", "*", "+", "–", "◦", "▪", "1.", "1)", "a)";
 * nesting from indentation; indented lines without a bullet continue the
 * bullet above; one-line paragraphs that look like headings become headings.
 */
import { FIELD_LINE, isHeadingLine } from './classifyLine'
import type { ParsedBlock, ParsedVerslag } from './parsedVerslag'

const BULLET = /^([ \t\u00A0]*)(?:([•◦▪▫‣∙●○■□➢►✓])\s*|([-*+–—])\s+|(\d{1,3}[.)]|[a-zA-Z][)])\s+)(.*)$/
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/

function indentWidth(ws: string): number {
  let width = 0
  for (const ch of ws) width += ch === '\t' ? 4 : 1
  return width
}

/** Normalises line endings, BOM, zero-width characters and trailing whitespace; no-break spaces stay in the text. */
export function normaliseText(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B\u200C\u200D\u2060]/g, '')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
}

/** "**Kop**" or "__Kop__" alone on a line: a heading typed in bold. */
function boldHeading(line: string): string | undefined {
  const m = /^(\*\*|__)(.+)\1$/.exec(line.trim())
  return m ? m[2]!.trim() : undefined
}

export function parseVerslagText(text: string): ParsedVerslag {
  const lines = normaliseText(text)
  const blocks: ParsedBlock[] = []
  /** Indents of the open list levels, outermost first. */
  let listIndents: number[] = []
  let lastBullet: Extract<ParsedBlock, { kind: 'bullet' }> | null = null
  let paragraph: string[] = []
  let blankSinceLast = false

  const flushParagraph = () => {
    if (paragraph.length === 0) return
    const only = paragraph.length === 1 ? paragraph[0]! : undefined
    const md = only !== undefined ? MARKDOWN_HEADING.exec(only) : null
    const bold = only !== undefined ? boldHeading(only) : undefined
    if (md) blocks.push({ kind: 'heading', text: md[2]!, level: md[1]!.length })
    else if (bold !== undefined) blocks.push({ kind: 'heading', text: bold })
    else if (only !== undefined && isHeadingLine(only)) blocks.push({ kind: 'heading', text: only.trim() })
    else blocks.push({ kind: 'paragraph', text: paragraph.join('\n') })
    paragraph = []
  }

  for (const raw of lines) {
    if (raw.trim() === '') {
      flushParagraph()
      blankSinceLast = true
      continue
    }
    const bullet = BULLET.exec(raw)
    const indent = indentWidth(/^[ \t\u00A0]*/.exec(raw)![0])
    if (bullet && !MARKDOWN_HEADING.test(raw.trim())) {
      flushParagraph()
      const width = indentWidth(bullet[1]!)
      while (listIndents.length > 0 && listIndents[listIndents.length - 1]! > width) listIndents.pop()
      if (listIndents.length === 0 || listIndents[listIndents.length - 1]! < width) listIndents.push(width)
      lastBullet = {
        kind: 'bullet',
        text: bullet[5]!.trim(),
        depth: listIndents.length - 1,
        ordered: bullet[4] !== undefined,
      }
      blocks.push(lastBullet)
      blankSinceLast = false
      continue
    }
    const line = raw.trim()
    // A line that continues the bullet above: indented, or wrapped right under it.
    const continues =
      lastBullet !== null && paragraph.length === 0 && !FIELD_LINE.test(line) && (indent > 0 || !blankSinceLast)
    if (continues && lastBullet) {
      lastBullet.text += `\n${line}`
      blankSinceLast = false
      continue
    }
    if (FIELD_LINE.test(line)) {
      flushParagraph()
      blocks.push({ kind: 'paragraph', text: line })
    } else {
      paragraph.push(line)
    }
    lastBullet = null
    listIndents = []
    blankSinceLast = false
  }
  flushParagraph()
  return { blocks }
}
