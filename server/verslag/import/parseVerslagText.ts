/**
 * Plain text of a verslag (as copied from a website or Word) → neutral blocks
 * (SPEC I1–I4). Bullets: "•", "-", "*", "+", "–", "◦", "▪", "1.", "1)", "a)";
 * nesting from indentation; indented lines without a bullet continue the
 * bullet above; one-line paragraphs that look like headings become headings.
 */
import { FIELD_LINE, isHeadingLine, KNOWN_HEADING } from './classifyLine'
import { knownTableBullets, TRACE_LINE } from './knownTables'
import { itemKind, startsList, typedListItem } from './listMarkers'
import { shapeText } from './textShapes'
import type { BlockFields, ParsedBlock, ParsedVerslag } from './parsedVerslag'

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
    // Zero-width characters, a byte-order mark inside the text and soft hyphens are invisible: left out —
    // except a joiner inside an emoji ("🧑‍⚕️" is one picture, not two).
    .replace(/(?<![\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})/gu, '')
    .replace(/[\u200B\u200C\u2060\uFEFF\u00AD]/g, '')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
}

/** Markdown escapes of our own export ("\\<", "\\*") → the character. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>#+\-.)|!•◦▪▫‣∙●○■□➢►✓–—])/g, '$1')
}

/** Detail line under an afspraak in our Markdown export: "_Wie:_ X · _Wanneer:_ Y". */
const DETAIL_LINE = /^_(wie|wanneer|waar|who|when|where):_\s/i
const DETAIL_KEYS: Readonly<Record<string, keyof BlockFields>> = { wie: 'wie', who: 'wie', wanneer: 'wanneer', when: 'wanneer', waar: 'waar', where: 'waar' }
/** Trace line under a conclusie in our Markdown export ("_Rust op:_ …"): derived from arrows, not content. */
const TRACE_DETAIL = /^_(rust op|vraagt om|rests on|asks for):_\s/i
/** Votes as our export writes them: derived from the votes, not text. */
const VOTES_SUFFIX = /\s_\(\d+ (stem|stemmen|vote|votes)\)_$/

function detailFields(line: string): BlockFields {
  const fields: BlockFields = {}
  for (const part of line.split(' · ')) {
    const m = /^_([^_:]+):_\s+(.*)$/.exec(part.trim())
    const key = m ? DETAIL_KEYS[m[1]!.toLowerCase()] : undefined
    if (m && key) fields[key] = unescapeMarkdown(m[2]!.trim())
  }
  return fields
}

/** A Markdown pipe table: rows of cells of lines ("<br>" breaks a cell's lines). */
function pipeTable(lines: string[]): string[][][] {
  return lines
    .filter((l) => !/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(l.trim()))
    .map((l) =>
      l
        .trim()
        .replace(/^\|/, '')
        .replace(/(?<!\\)\|$/, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().split(/<br\s*\/?>/i).map((x) => unescapeMarkdown(x.replace(/\\\|/g, '|').trim()))),
    )
}

/** "**Kop**" or "__Kop__" alone on a line: a heading typed in bold. */
function boldHeading(line: string): string | undefined {
  const m = /^(\*\*|__)(.+)\1$/.exec(line.trim())
  return m ? m[2]!.trim() : undefined
}

export function parseVerslagText(text: string): ParsedVerslag {
  const shaped = shapeText(normaliseText(text))
  const lines = shaped.lines
  // A Markdown text (two "#" headings or more, as our own export) declares its headings: a short line
  // in it is text ("Lees meer"), so that importing our Markdown gives the same Markdown (SPEC I13, I25).
  const declared = lines.filter((l) => MARKDOWN_HEADING.test(l.trim())).length >= 2
  const textOnly = shaped.textOnly || declared
  const blocks: ParsedBlock[] = []
  /** The open list levels, outermost first: their indentation and kind of bullet or counter (SPEC I14). */
  let levels: { indent: number; kind: string }[] = []
  let lastLetter = ''
  let lastBullet: Extract<ParsedBlock, { kind: 'bullet' }> | null = null
  let paragraph: string[] = []
  let blankSinceLast = false
  let tableLines: string[] = []

  const flushTable = () => {
    if (tableLines.length === 0) return
    const rows = pipeTable(tableLines)
    const known = knownTableBullets(rows)
    if (known) blocks.push(...known)
    else blocks.push({ kind: 'paragraph', text: tableLines.join('\n') })
    tableLines = []
  }

  const flushParagraph = () => {
    if (paragraph.length === 0) return
    // A line ruled under a one-line paragraph ("Kop" / "===") makes it a heading (Setext).
    const setext = paragraph.length === 2 && /^(=+|-+)$/.test(paragraph[1]!.trim()) ? paragraph[0]!.trim() : undefined
    if (setext) {
      blocks.push({ kind: 'heading', text: unescapeMarkdown(setext), level: paragraph[1]!.trim().startsWith('=') ? 1 : 2 })
      paragraph = []
      return
    }
    // A rule on its own ("---", "***") separates, it is not content.
    if (paragraph.length === 1 && /^([-*_])(\s*\1){2,}$/.test(paragraph[0]!.trim())) {
      paragraph = []
      return
    }
    // A known or Markdown heading typed straight above its text ("Afspraken" / "Wie …"):
    // the heading, then the rest as its paragraph. Other short first lines stay prose,
    // since hard-wrapped text starts with them too.
    const first = paragraph[0]!
    if (paragraph.length > 1 && (MARKDOWN_HEADING.test(first) || (KNOWN_HEADING.test(first.trim()) && isHeadingLine(first)))) {
      const rest = paragraph.slice(1)
      paragraph = [first]
      flushParagraph()
      paragraph = rest
    }
    const only = paragraph.length === 1 ? paragraph[0]! : undefined
    const md = only !== undefined ? MARKDOWN_HEADING.exec(only) : null
    const bold = only !== undefined ? boldHeading(only) : undefined
    if (only !== undefined && /^\*\*R\d+\*\*$/.test(only.trim())) {
      // The label of a request's trace list in our own export: derived, not content.
    } else if (md) blocks.push({ kind: 'heading', text: unescapeMarkdown(md[2]!), level: md[1]!.length })
    else if (bold !== undefined) blocks.push({ kind: 'heading', text: bold })
    // In lines and wrapped shape the shape has decided the headings; a short line left is text, unless it is a known heading.
    else if (only !== undefined && isHeadingLine(only) && (!textOnly || (!declared && KNOWN_HEADING.test(only.trim())))) blocks.push({ kind: 'heading', text: unescapeMarkdown(only.trim()) })
    else blocks.push({ kind: 'paragraph', text: unescapeMarkdown(paragraph.join('\n')) })
    paragraph = []
  }

  for (const [index, raw] of lines.entries()) {
    if (shaped.headings.has(index)) {
      // A heading recognised from its place in the text (SPEC I16, I17).
      flushTable()
      flushParagraph()
      blocks.push({ kind: 'heading', text: unescapeMarkdown(raw.trim()) })
      lastBullet = null
      levels = []
      lastLetter = ''
      blankSinceLast = true
      continue
    }
    if (/^\s*\|.*\|\s*$/.test(raw) && paragraph.length === 0 && (tableLines.length > 0 || !lastBullet || blankSinceLast)) {
      tableLines.push(raw)
      continue
    }
    flushTable()
    if (raw.trim() === '') {
      flushParagraph()
      blankSinceLast = true
      continue
    }
    const bullet = typedListItem(raw)
    const indent = indentWidth(/^[ \t\u00A0]*/.exec(raw)![0])
    if (bullet && !MARKDOWN_HEADING.test(raw.trim())) {
      flushParagraph()
      const width = indentWidth(bullet.indent)
      while (levels.length > 0 && levels[levels.length - 1]!.indent > width) levels.pop()
      const kind = itemKind(bullet, levels.map((l) => l.kind), lastLetter)
      if (kind === '#letter' && bullet.marker) lastLetter = bullet.marker.slice(0, 1).toLowerCase()
      if (levels.length === 0 || levels[levels.length - 1]!.indent < width) levels.push({ indent: width, kind })
      else {
        // Same indentation: a kind seen at this indentation goes back to its level, a new kind nests deeper.
        let at = -1
        for (let i = levels.length - 1; i >= 0 && levels[i]!.indent === width; i--) if (levels[i]!.kind === kind) at = i
        if (at >= 0) levels = levels.slice(0, at + 1)
        else if (!startsList(bullet)) {
          // "3." under bullets continues a numbered list from before: the outermost level of this indentation.
          let outer = levels.length - 1
          while (outer > 0 && levels[outer - 1]!.indent === width) outer--
          levels = [...levels.slice(0, outer), { indent: width, kind }]
        } else levels.push({ indent: width, kind })
      }
      const text = unescapeMarkdown(bullet.text.trim().replace(VOTES_SUFFIX, ''))
      if (TRACE_LINE.test(text)) {
        // A trace bullet of our own export ("Volgt uit “…”"): derived from arrows.
        lastBullet = null
        blankSinceLast = false
        continue
      }
      lastBullet = {
        kind: 'bullet',
        text,
        depth: levels.length - 1,
        ...(bullet.marker !== undefined ? { marker: bullet.marker } : {}),
      }
      blocks.push(lastBullet)
      blankSinceLast = false
      continue
    }
    const line = raw.trim()
    if (lastBullet && indent > 0 && DETAIL_LINE.test(line)) {
      lastBullet.fields = { ...lastBullet.fields, ...detailFields(line) }
      continue
    }
    if (lastBullet && indent > 0 && TRACE_DETAIL.test(line)) continue
    // A line that continues the bullet above: indented, or wrapped right under it — going on in lower
    // case, or after a long bullet line cut without final punctuation. A sentence starting with a
    // capital after a finished bullet is a new paragraph: a bullet never swallows the text after a list (I16).
    const bulletLine = lastBullet ? lastBullet.text.split('\n').pop()!.trim() : ''
    const wrapped = /^\p{Ll}/u.test(line) || (!/[.!?:;]["”’')\]]*$/.test(bulletLine) && bulletLine.length >= 50)
    const continues =
      lastBullet !== null && paragraph.length === 0 && !FIELD_LINE.test(line) && (indent > 0 || (!blankSinceLast && wrapped))
    if (continues && lastBullet) {
      lastBullet.text += `\n${unescapeMarkdown(line.replace(VOTES_SUFFIX, ''))}`
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
    levels = []
    lastLetter = ''
    blankSinceLast = false
  }
  flushTable()
  flushParagraph()
  return { blocks, shape: shaped.shape, dropped: shaped.dropped }
}
