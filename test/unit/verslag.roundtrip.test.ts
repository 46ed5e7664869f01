import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Tag } from '../../shared/tags'
import type { VerslagItem } from '../../shared/verslag/schema'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { readMarkdownOutline } from '../helpers/markdownOutline'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures')
const NAMES = ['so-in-de-eerstelijn-2016-06', 'workshop-huisarts-in-the-lead-2016-08']

interface OriginalBullet {
  text: string
  depth: number
  parent: string | null
  section: string
}

/**
 * Reads the bullets of an original verslag the way a person does, without the
 * import code: "•" lines, deeper indentation nests, indented lines without a
 * bullet continue it; its section is the last short stand-alone line above
 * (a lead-in sentence ending in ":" is not a section, "Conclusie X:" is).
 */
function originalBullets(text: string): OriginalBullet[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const bullets: OriginalBullet[] = []
  let section = ''
  let listIndent = -1
  let stack: OriginalBullet[] = []
  lines.forEach((line, i) => {
    const m = /^(\s*)•\s*(.*)$/.exec(line)
    if (m) {
      const indent = m[1]!.length
      if (listIndent < 0) listIndent = indent
      const depth = indent > listIndent ? 1 : 0
      const b: OriginalBullet = { text: m[2]!.trim(), depth, parent: depth > 0 ? (stack[0]?.text ?? null) : null, section }
      stack = depth === 0 ? [b] : [stack[0]!, b]
      bullets.push(b)
      return
    }
    if (/^\s+\S/.test(line) && bullets.length > 0 && lines[i - 1]?.trim() !== '') {
      bullets[bullets.length - 1]!.text += `\n${line.trim()}`
      return
    }
    const standalone = line.trim() !== '' && !/^\s/.test(line) && (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === ''
    if (standalone && line.length < 100 && (!line.trim().endsWith(':') || /^Conclusie/.test(line))) {
      section = line.trim().replace(/:$/, '')
      listIndent = -1
    }
  })
  return bullets
}

function tagOfSection(section: string): Tag {
  if (/^Conclusie/.test(section)) return 'conclusie'
  if (/^Bevorderende/.test(section)) return 'bevorderend'
  if (/^Belemmerende/.test(section)) return 'belemmerend'
  if (/^Afspraken/.test(section)) return 'afspraak'
  return 'opmerking'
}

function allItems(items: VerslagItem[]): VerslagItem[] {
  return items.flatMap((i) => [i, ...allItems(i.children)])
}

describe('Import → Markdown round trip on the real verslagen', () => {
  for (const name of NAMES) {
    const original = readFileSync(path.join(FIXTURES, 'verslagen', `${name}.txt`), 'utf8')
    const { doc } = importVerslag(parseVerslagText(original))
    const verslag = buildVerslag(doc)
    const md = renderMarkdown(verslag)
    const outline = readMarkdownOutline(md)
    const expected = originalBullets(original)

    it(`[I9] ${name}: every bullet of the original appears exactly once, under its section, nested bullets nested`, () => {
      expect(expected.length).toBeGreaterThan(10)
      expect(outline.bullets).toHaveLength(expected.length)
      for (const want of expected) {
        const found = outline.bullets.filter((b) => b.text === want.text)
        expect(found, want.text).toHaveLength(1)
        const got = found[0]!
        expect(got.section, want.text).toBe(want.section)
        expect(got.depth, want.text).toBe(want.depth)
        expect(got.parent?.text ?? null, want.text).toBe(want.parent)
      }
    })

    it(`[I9][V3] ${name}: every bullet keeps the tag of its section in the model`, () => {
      const items = verslag.sections.flatMap((s) => {
        switch (s.kind) {
          case 'section':
            return allItems(s.items)
          case 'conclusies':
            return allItems(s.conclusies.map((c) => c.item))
          case 'factoren':
            return s.groups.flatMap((g) => allItems(g.items))
          case 'afspraken':
            return allItems([...s.notes, ...s.afspraken.map((a) => a.item)])
          case 'regelruimte':
            return allItems([...s.notes, ...s.verzoeken.map((r) => r.item)])
        }
      })
      for (const want of expected) {
        const item = items.find((i) => i.text === want.text && i.kind === 'bullet')
        expect(item, want.text).toBeDefined()
        expect(item!.tag, want.text).toBe(tagOfSection(want.section))
      }
      expect(verslag.stickyCount).toBe(items.length)
    })

    it(`[I9][I7] ${name}: every prose paragraph of the original is kept`, () => {
      const paragraphs = original
        .replace(/\r\n?/g, '\n')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '' && !p.includes('•') && !/^(Geplaatst|Laatst)/.test(p) && p.length > 80)
      expect(paragraphs.length).toBeGreaterThan(0)
      for (const p of paragraphs) expect(outline.paragraphs.filter((q) => q.text === p), p).toHaveLength(1)
    })

    it(`[I4][I5][V9] ${name}: title, dates and sections come back in the verslag's wording`, () => {
      const firstLine = original.split('\n')[0]!.trim()
      expect(md.split('\n')[0]).toBe(`# ${firstLine}`)
      for (const line of original.split('\n').filter((l) => /^(Geplaatst op|Laatst gewijzigd op):/.test(l))) {
        expect(md).toContain(line.trim())
      }
      for (const section of new Set(expected.map((b) => b.section))) expect(outline.sections).toContain(section)
    })

    it(`[I9] ${name}: the Markdown export equals the committed golden file`, () => {
      const goldenPath = path.join(FIXTURES, 'golden', `${name}.md`)
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, md)
      expect(md).toBe(readFileSync(goldenPath, 'utf8'))
    })
  }
})
