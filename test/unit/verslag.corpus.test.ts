/**
 * The corpus (SPEC I21): every text round trips through import, board and
 * every format with nothing lost, its headings in the source's order, its
 * numbered items with their numbers, no item that swallowed a heading, and
 * md → import → md and docx → import → docx as fixed points.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { verslagSchema, type Verslag, type VerslagItem } from '../../shared/verslag/schema'
import { isImagePlaceholder } from '../../shared/verslag/wording'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagDocx } from '../../server/verslag/import/parseVerslagDocx'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import type { ParsedVerslag } from '../../server/verslag/import/parsedVerslag'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { CORPUS } from '../fixtures/corpus/manifest'
import { FIELD_LINE } from '../../server/verslag/import/classifyLine'
import { formatDate, parseDate } from '../../shared/dates'
import { corpusDocx } from '../helpers/corpusDocx'

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'corpus')

async function parse(file: string): Promise<{ parsed: ParsedVerslag; source: string }> {
  if (file.endsWith('.docx')) {
    const bytes = await corpusDocx(file)
    return { parsed: await parseVerslagDocx(bytes), source: readFileSync(path.join(DIR, file.replace(/\.docx$/, '.txt')), 'utf8') }
  }
  const source = readFileSync(path.join(DIR, file), 'utf8')
  return { parsed: parseVerslagText(source), source }
}

function items(v: Verslag): VerslagItem[] {
  const all = (list: VerslagItem[]): VerslagItem[] => list.flatMap((i) => [i, ...all(i.children)])
  return v.sections.flatMap((s) => {
    switch (s.kind) {
      case 'section':
        return all(s.items)
      case 'conclusies':
        return all(s.conclusies.map((c) => c.item))
      case 'factoren':
        return s.groups.flatMap((g) => all(g.items))
      case 'regelruimte':
        return all([...s.notes, ...s.verzoeken.map((r) => r.item), ...(s.notesAfter ?? [])])
      case 'afspraken':
        return all([...s.notes, ...s.afspraken.map((a) => a.item), ...(s.notesAfter ?? [])])
    }
  })
}

/** Text as a reader compares it: no Markdown emphasis or escapes, list markers gone, whitespace collapsed, nothing invisible. */
function plain(text: string): string {
  return text
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\\([\\`*_[\]<>#+\-.)|!•◦▪–—])/g, '$1')
    .replace(/\*\*|__|(?<![\p{L}])_|_(?![\p{L}])/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A source line as it must appear in the export: its list marker or Markdown syntax stripped, a hyphenated last fragment left to the join. */
function expectedOf(line: string): string {
  return plain(
    line
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/^\s*(?:[•◦▪–—\-*+]|\d{1,3}[.)]|[a-z][.)]|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+/u, '')
      .replace(/[\p{L}]+-$/u, ''),
  )
}

/**
 * What a header field line ("Datum: 12 november 2024", "Aanwezig: A, B") must leave in the export: the
 * date in words, or each name of the list, or the value — the key may be worded as the verslag words it.
 */
function fieldParts(line: string): string[] | undefined {
  const m = /^\s*([^:]+):\s*(.+)$/.exec(plain(line))
  if (!m || !FIELD_LINE.test(plain(line))) return undefined
  const value = m[2]!.trim()
  const date = parseDate(value)
  if (date && /^[\p{L}\s]*\d{1,2}[\s./-]+\S+[\s./-]+\d{2,4}$/u.test(value)) return [formatDate(date, 'nl')]
  return value.split(/[,;]\s*/).map((p) => p.replace(/\.$/, '').trim()).filter((p) => p !== '')
}

describe('The corpus: texts in the shapes people have (I21)', () => {
  for (const entry of CORPUS) {
    describe(entry.file, () => {
      const load = async () => {
        const { parsed, source } = await parse(entry.file)
        const { doc, stickyCount } = importVerslag(parsed)
        const v = buildVerslag(doc)
        return { parsed, source, doc, stickyCount, v, md: renderMarkdown(v) }
      }

      it(`[I21][I9] every line of the source is in the export (page furniture and image placeholders aside)`, async () => {
        const { parsed, source, md, v, doc, stickyCount } = await load()
        const dropped = new Set(parsed.dropped ?? [])
        const exported = plain(md)
        const lines = source.split(/\r?\n|\f/).filter((l) => plain(l) !== '' && !dropped.has(l.trim()) && !isImagePlaceholder(l))
        const missing = lines
          .flatMap((l) => fieldParts(l) ?? [expectedOf(l)])
          .filter((l) => l !== '' && !exported.includes(l))
        expect(missing).toEqual([])
        // …and in the source's order: each line found after the one before it (header fields and the title aside, they head the verslag).
        let at = 0
        const outOfOrder: string[] = []
        for (const l of lines.filter((x) => fieldParts(x) === undefined).map(expectedOf)) {
          if (l === '' || plain(v.heading).endsWith(l)) continue
          const next = exported.indexOf(l, at)
          if (next < 0) outOfOrder.push(l)
          else at = next
        }
        expect(outOfOrder).toEqual([])
        // The board holds what the verslag lists, image placeholders included (V21).
        expect(readBoard(allRecords(doc)).stickies).toHaveLength(stickyCount)
        expect(v.stickyCount).toBe(stickyCount)
        for (const l of source.split('\n').filter(isImagePlaceholder)) expect(JSON.stringify(v)).toContain(l.trim())
      })

      it(`[I21][V1] the title in full and the headings in the source's order, with their names`, async () => {
        const { v, md } = await load()
        expect(v.heading).toBe(entry.heading)
        const headings = [...md.matchAll(/^## (.*)$/gm)].map((m) => plain(m[1]!))
        expect(headings).toEqual(entry.headings)
      })

      it(`[I21][V20] numbered items keep their numbers; no item swallowed a heading`, async () => {
        const { v } = await load()
        const list = items(v)
        const agendaMarkers = v.agenda.flatMap((a) => /^(\d{1,3}[.)]|[a-z][.)])\s/.exec(a)?.[1] ?? [])
        expect([...agendaMarkers, ...list.flatMap((i) => (i.marker ? [i.marker] : []))]).toEqual(entry.markers)
        for (const item of list) for (const h of [...entry.headings, entry.heading]) expect(item.text.split('\n')).not.toContain(h)
      })

      it(`[I21][I13] md → import → md and docx → import → docx are fixed points; every format renders`, async () => {
        const { v, md } = await load()
        expect(renderMarkdown(buildVerslag(importVerslag(parseVerslagText(md)).doc))).toBe(md)
        const docx = await renderDocx(v)
        const again = await renderDocx(buildVerslag(importVerslag(await parseVerslagDocx(docx)).doc))
        const body = (b: Buffer) => strFromU8(unzipSync(b)['word/document.xml']!)
        expect(body(again)).toBe(body(docx))
        expect(verslagSchema.safeParse(v).success).toBe(true)
        expect(renderHtml(v)).toContain(`<h1>`)
      })

      it(`[I21] the Markdown export equals the committed golden file`, async () => {
        const { md } = await load()
        const golden = path.join(DIR, 'golden', `${entry.file.replace(/\.\w+$/, '')}.md`)
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, md)
        expect(md).toBe(readFileSync(golden, 'utf8'))
      })
    })
  }
})
