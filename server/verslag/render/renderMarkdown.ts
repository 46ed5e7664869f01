/**
 * The verslag as Markdown (CommonMark with pipe tables). Sticky text is
 * escaped so that it renders as the text typed, never as markup or HTML.
 */
import { VERSLAG_LABELS } from '../../../shared/verslag/labels'
import type { Verslag, VerslagItem, VerslagSection } from '../../../shared/verslag/schema'
import { agendaMarker, asksForText, footerLines, headerLines, oneLine, refContext, stemmenTable, wanneerText, printable } from '../../../shared/verslag/wording'
import { safeDeep } from '../../../shared/safeText'

/** Escapes Markdown syntax in one line of text (SPEC V10). */
export function escapeMarkdown(line: string): string {
  let out = line.replace(/([\\`*_[\]<>])/g, '\\$1')
  // Block syntax at the start of a line: headings, quotes, list markers, typed
  // bullets and counters ("•", "a.", "iv)"), so that text never reads as a list (SPEC I14).
  out = out
    .replace(/^(\s*)([#>+\-•◦▪▫‣∙●○■□➢►✓–—])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^(\s*(?:[a-zA-Z]|[ivx]{2,4}))([.)])(?=\s)/, '$1\\$2')
  return out
}

/**
 * Escapes a heading's text after "# ": inline syntax only — a numbered heading reads "## 2. Verslag",
 * not "## 2\\. Verslag" — and a closing run of "#" that would be taken off (SPEC V10, I23).
 */
function escapeHeading(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/(\s)(#+)$/, '$1\\$2')
}

function escapeCell(text: string): string {
  return text
    .split('\n')
    .map((l) => escapeMarkdown(l.trim()))
    .join('<br>')
    .replace(/\|/g, '\\|')
}

/** Renders a block of text: every line escaped, lines after the first indented. */
function textLines(text: string, indent: string): string[] {
  const lines = text.split('\n')
  return lines.map((l, i) => (i === 0 ? escapeMarkdown(l.trim()) : `${indent}${escapeMarkdown(l.trim())}`))
}

function votesSuffix(item: VerslagItem, v: Verslag): string {
  return item.votes > 0 ? ` _(${VERSLAG_LABELS[v.language].votes(item.votes)})_` : ''
}

/**
 * A bullet with its sub-bullets; `extra` lines (traceability) come right under
 * its text. A numbered item keeps its number or letter as written (SPEC V20).
 */
function bullet(item: VerslagItem, v: Verslag, indent: string, extra: string[] = []): string[] {
  const marker = item.marker ?? '-'
  const inner = `${indent}${' '.repeat(marker.length + 1)}`
  const [first = '', ...rest] = textLines(item.text, inner)
  const out = [`${indent}${marker} ${first}${rest.length === 0 ? votesSuffix(item, v) : ''}`]
  rest.forEach((l, i) => out.push(i === rest.length - 1 ? `${l}${votesSuffix(item, v)}` : l))
  for (const e of extra) out.push(`${inner}${e}`)
  for (const child of item.children) {
    if (child.kind === 'paragraph') out.push(...textLines(child.text, inner).map((l, i) => (i === 0 ? `${inner}${l}` : l)))
    else out.push(...bullet(child, v, inner))
  }
  return out
}

/** Items as Markdown blocks: paragraphs alone, consecutive bullets as one list. */
function itemBlocks(items: VerslagItem[], v: Verslag, extras?: (item: VerslagItem) => string[]): string[] {
  const blocks: string[] = []
  let list: string[] = []
  const flush = () => {
    if (list.length > 0) blocks.push(list.join('\n'))
    list = []
  }
  for (const item of items) {
    if (item.kind === 'paragraph') {
      flush()
      blocks.push(textLines(item.text, '').join('\n') + votesSuffix(item, v))
      for (const child of item.children) blocks.push(...itemBlocks([child], v, extras))
    } else {
      list.push(...bullet(item, v, '', extras ? extras(item) : []))
    }
  }
  flush()
  return blocks
}

function sectionBlocks(section: VerslagSection, v: Verslag): string[] {
  const L = VERSLAG_LABELS[v.language]
  const blocks = [`## ${escapeHeading(section.heading)}`]
  const quote = (r: { text: string; tag: VerslagItem['tag']; sheet: string | null; id: string }) =>
    `“${escapeMarkdown(oneLine(r.text))}” ${escapeMarkdown(refContext(r, v.language))}`
  switch (section.kind) {
    case 'section':
      blocks.push(...itemBlocks(section.items, v))
      break
    case 'conclusies': {
      const byId = new Map(section.conclusies.map((c) => [c.item.id, c]))
      const extras = (item: VerslagItem): string[] => {
        const c = byId.get(item.id)
        if (!c) return []
        const lines: string[] = []
        if (c.restsOn.length > 0) lines.push(`_${L.restsOn}:_ ${c.restsOn.map(quote).join('; ')}`)
        if (c.asksFor.length > 0) lines.push(`_${L.asksFor}:_ ${L.regelruimte.toLowerCase()} ${escapeMarkdown(asksForText(v, c.asksFor))}`)
        return lines
      }
      blocks.push(...itemBlocks(section.conclusies.map((c) => c.item), v, extras))
      break
    }
    case 'factoren':
      for (const group of section.groups) {
        if (group.heading) blocks.push(`### ${escapeHeading(group.heading)}`)
        blocks.push(...itemBlocks(group.items, v))
      }
      break
    case 'regelruimte': {
      blocks.push(...itemBlocks(section.notes, v))
      if (section.verzoeken.length === 0) break
      const head = [L.nummer, L.verzoek, L.gevraagdeRuimte, L.regeling, L.adressaat, L.indiener, L.status]
      const rows = section.verzoeken.map((r) =>
        [
          r.nummer,
          r.item.text,
          r.gevraagdeRuimte ?? '',
          r.regeling ?? '',
          r.adressaat ?? '',
          r.indiener ?? '',
          L.statusLabel[r.status],
        ].map(escapeCell),
      )
      blocks.push(
        [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
          '\n',
        ),
      )
      for (const r of section.verzoeken) {
        const trace: string[] = []
        for (const c of r.conclusies) {
          trace.push(`- ${L.followsFrom} ${quote(c.conclusie)}`)
          if (c.factoren.length > 0) trace.push(`  - ${L.restsOn} ${c.factoren.map(quote).join('; ')}`)
        }
        for (const d of r.restsOn) trace.push(`- ${L.restsOn} ${quote(d)}`)
        if (trace.length === 0 && r.item.children.length === 0) continue
        blocks.push(`**${r.nummer}**`)
        if (trace.length > 0) blocks.push(trace.join('\n'))
        blocks.push(...itemBlocks(r.item.children, v))
      }
      blocks.push(...itemBlocks(section.notesAfter ?? [], v))
      break
    }
    case 'afspraken': {
      blocks.push(...itemBlocks(section.notes, v))
      const byId = new Map(section.afspraken.map((a) => [a.item.id, a]))
      const extras = (item: VerslagItem): string[] => {
        const a = byId.get(item.id)
        if (!a) return []
        const parts: string[] = []
        if (a.wie) parts.push(`_${L.wie}:_ ${escapeMarkdown(oneLine(a.wie))}`)
        const when = wanneerText(a, v.language)
        if (when) parts.push(`_${L.wanneer}:_ ${escapeMarkdown(when)}`)
        if (a.waar) parts.push(`_${L.waar}:_ ${escapeMarkdown(oneLine(a.waar))}`)
        return parts.length > 0 ? [parts.join(' · ')] : []
      }
      blocks.push(...itemBlocks(section.afspraken.map((a) => a.item), v, extras))
      blocks.push(...itemBlocks(section.notesAfter ?? [], v))
      break
    }
  }
  return blocks
}

export function renderMarkdown(model: Verslag): string {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = printable(safeDeep(model))
  const L = VERSLAG_LABELS[v.language]
  const blocks: string[] = [`# ${escapeHeading(v.heading)}`]
  for (const line of headerLines(v)) {
    blocks.push(line.value ? `**${escapeMarkdown(line.label)}:** ${escapeMarkdown(line.value)}` : `**${escapeMarkdown(line.label)}**`)
  }
  for (const p of v.intro) blocks.push(textLines(p, '').join('\n'))
  if (v.agenda.length > 0) {
    // A numbered agenda item keeps its number as written (SPEC V20).
    blocks.push(`## ${L.agenda}`, v.agenda.map((a) => {
      const numbered = agendaMarker(a)
      return numbered ? `${numbered.marker} ${escapeMarkdown(numbered.text)}` : `- ${escapeMarkdown(a)}`
    }).join('\n'))
  }
  // Only a same-origin path is referenced; an embedded picture is left to html and docx (SPEC V10).
  if (v.boardPicture && /^\/(?!\/)[^\s()<>\\]*$/.test(v.boardPicture.url)) {
    blocks.push(`![${escapeMarkdown(v.boardPicture.alt || L.boardPicture)}](${v.boardPicture.url})`)
  }
  for (const section of v.sections) blocks.push(...sectionBlocks(section, v))
  const stemmen = stemmenTable(v)
  if (stemmen.rows.length > 0) {
    // The ranked votes (SPEC V26); an import leaves this table out (derived from the votes, I13).
    blocks.push(
      `## ${L.stemmen}`,
      [`| ${stemmen.head.join(' | ')} |`, `|${stemmen.head.map(() => ' --- ').join('|')}|`, ...stemmen.rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n'),
    )
  }
  for (const line of footerLines(v)) blocks.push(`${line.label}: ${line.value}`)
  return `${blocks.join('\n\n')}\n`
}
