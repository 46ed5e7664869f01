import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import type { VerslagItem } from '../../shared/verslag/schema'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagDocx } from '../../server/verslag/import/parseVerslagDocx'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'

const NUMBERED = [
  'Verslag: Genummerde lijsten',
  '',
  'Vragen uit de zaal',
  '',
  '1. Wie betaalt de SO buiten het verpleeghuis?',
  '2. Wat doet het zorgkantoor?',
  '   a. Het zorgkantoor contracteert.',
  '   b. Het zorgkantoor bewaakt de kwaliteit.',
  '      i. met een jaarlijkse toets',
  '      ii. met een bezoek',
  '3. Hoe gaat het verder?',
  '',
  'Besluiten',
  '',
  '6. a. De werkgroep schrijft een notitie.',
  '6. b. De notitie gaat naar VWS.',
].join('\n')

function flat(items: VerslagItem[], depth = 0): [string, string, number][] {
  return items.flatMap((i) => [[i.kind === 'paragraph' ? 'p' : (i.marker ?? '-'), i.text, depth] as [string, string, number], ...flat(i.children, depth + 1)])
}

function sectionItems(text: string) {
  const v = buildVerslag(importVerslag(parseVerslagText(text)).doc)
  return { v, items: v.sections.flatMap((s) => (s.kind === 'section' ? flat(s.items) : [])) }
}

describe('Lists as written (V20, I14, I15)', () => {
  it('[I15][V20] numbered, lettered and roman items keep their numbers and nesting on the board and in the model', () => {
    const { doc } = importVerslag(parseVerslagText(NUMBERED))
    const board = readBoard(allRecords(doc))
    const byText = new Map(board.stickies.map((s) => [s.text, s]))
    expect(byText.get('Het zorgkantoor contracteert.')?.meta).toMatchObject({ listMarker: 'a.', parentStickyId: byText.get('Wat doet het zorgkantoor?')!.id })
    expect(byText.get('De werkgroep schrijft een notitie.')?.meta.listMarker).toBe('6. a.')
    const { items } = sectionItems(NUMBERED)
    expect(items).toEqual([
      ['1.', 'Wie betaalt de SO buiten het verpleeghuis?', 0],
      ['2.', 'Wat doet het zorgkantoor?', 0],
      ['a.', 'Het zorgkantoor contracteert.', 1],
      ['b.', 'Het zorgkantoor bewaakt de kwaliteit.', 1],
      ['i.', 'met een jaarlijkse toets', 2],
      ['ii.', 'met een bezoek', 2],
      ['3.', 'Hoe gaat het verder?', 0],
      ['6. a.', 'De werkgroep schrijft een notitie.', 0],
      ['6. b.', 'De notitie gaat naar VWS.', 0],
    ])
  })

  it('[V20] Markdown writes the numbers as written and reads back to the same Markdown; html shows them in an <ol>', () => {
    const { v } = sectionItems(NUMBERED)
    const md = renderMarkdown(v)
    expect(md).toContain('1. Wie betaalt de SO buiten het verpleeghuis?\n2. Wat doet het zorgkantoor?\n   a. Het zorgkantoor contracteert.')
    expect(md).toContain('      i. met een jaarlijkse toets')
    expect(md).toContain('6. a. De werkgroep schrijft een notitie.')
    expect(renderMarkdown(buildVerslag(importVerslag(parseVerslagText(md)).doc))).toBe(md)
    const html = renderHtml(v)
    expect(html).toContain('<ol class="written">\n<li><span class="marker">1.</span> Wie betaalt')
    expect(html).toContain('<span class="marker">6. a.</span> De werkgroep')
  })

  it('[V20][I14] .docx writes the numbers as written and reads back to the same Markdown', async () => {
    const { v } = sectionItems(NUMBERED)
    const md = renderMarkdown(v)
    const again = buildVerslag(importVerslag(await parseVerslagDocx(await renderDocx(v))).doc)
    expect(renderMarkdown(again)).toBe(md)
  })

  it('[I14] bullets typed as characters without indentation nest by character; a paragraph ends the list', () => {
    const text = ['Verslag: Tekens', '', 'Punten', '', '• Eerste', '◦ Onder eerste', '◦ Nog een', '• Tweede', '– streepje onder tweede', '', 'Een alinea.', '', '– nieuw lijstje'].join('\n')
    const { items } = sectionItems(text)
    expect(items).toEqual([
      ['-', 'Eerste', 0],
      ['-', 'Onder eerste', 1],
      ['-', 'Nog een', 1],
      ['-', 'Tweede', 0],
      ['-', 'streepje onder tweede', 1],
      ['p', 'Een alinea.', 0],
      ['-', 'nieuw lijstje', 0],
    ])
  })

  it('[I14] a .docx whose paragraphs start with typed bullets (as LibreOffice makes from text) has nested lists', async () => {
    const word = new Document({
      sections: [
        {
          children: ['Verslag: Uit LibreOffice', 'Punten', '• Eerste', '◦ Onder eerste', '• Tweede', '1. Genummerd', 'a. Letter'].map((t) => new Paragraph(t)),
        },
      ],
    })
    const { v } = { v: buildVerslag(importVerslag(await parseVerslagDocx(await Packer.toBuffer(word))).doc) }
    expect(v.sections.flatMap((s) => (s.kind === 'section' ? flat(s.items) : []))).toEqual([
      ['-', 'Eerste', 0],
      ['-', 'Onder eerste', 1],
      ['-', 'Tweede', 0],
      ['1.', 'Genummerd', 1],
      ['a.', 'Letter', 2],
    ])
  })

  it("[I15] Word's own numbering reads as 1., 2. with a., b. under them", async () => {
    const item = (text: string, level = 0) => new Paragraph({ text, numbering: { reference: 'n', level } })
    const word = new Document({
      numbering: {
        config: [
          {
            reference: 'n',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [{ children: [new Paragraph('Verslag: Word'), new Paragraph('Vragen'), item('Een'), item('Onder een', 1), item('Nog onder een', 1), item('Twee')] }],
    })
    const v = buildVerslag(importVerslag(await parseVerslagDocx(await Packer.toBuffer(word))).doc)
    expect(v.sections.flatMap((s) => (s.kind === 'section' ? flat(s.items) : []))).toEqual([
      ['1.', 'Een', 0],
      ['a.', 'Onder een', 1],
      ['b.', 'Nog onder een', 1],
      ['2.', 'Twee', 0],
    ])
  })
})
