/**
 * The results of dot voting, ranked in the verslag (SPEC F12, V26) in every
 * format, and left out again when our own export is imported (V27).
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import mammoth from 'mammoth'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagDocx } from '../../server/verslag/import/parseVerslagDocx'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderJson } from '../../server/verslag/render/renderJson'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { renderPdf } from '../../server/verslag/render/renderPdf'
import { readBoard } from '../../shared/boardModel'
import { rankByVotes } from '../../shared/voteRanking'
import { verslagSchema } from '../../shared/verslag/schema'
import { SHEET_ORDER_KEY } from '../../shared/verslag/sheetOrder'
import { addSticky, allRecords, seedBoard, writeSessionInfo, Y_SESSION } from '../../shared/ydoc'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { rankStickies } from '../../client/facilitation/Ranking'
import { dotsOf } from '../../client/board/TaggedNoteShapeUtil'
import { VerslagPreview } from '../../client/verslag/VerslagPreview'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const TOP = 'Meer tijd voor overleg'
const TIE_FIRST_SHEET = 'Geen budget <b>vet</b>'
const TIE_SECOND_SHEET = 'Samen plannen | delen'
const NONE = 'Zonder stemmen'

/** Two sheets; a tie of 2 votes across them (the first sheet's sticky comes first), 3 votes on top, one without. */
function votedBoard(): Y.Doc {
  const doc = new Y.Doc()
  writeSessionInfo(doc, { title: 'Stemsessie', themagroep: 'Groep', type: 'brownpapersessie', deelnemers: [], afgemeld: [] })
  seedBoard(doc, ['Eerste vel', 'Tweede vel'])
  // Added in an order unlike the ranking, so that neither insertion order nor text order gives it.
  addSticky(doc, { text: TIE_SECOND_SHEET, tag: 'opmerking', sheet: 'Tweede vel', extraMeta: { votes: { anna: 1, bert: 1 } } })
  addSticky(doc, { text: NONE, tag: 'bevorderend', sheet: 'Eerste vel' })
  addSticky(doc, { text: TOP, tag: 'bevorderend', sheet: 'Tweede vel', extraMeta: { votes: { anna: 2, carla: 1 } } })
  addSticky(doc, { text: TIE_FIRST_SHEET, tag: 'belemmerend', sheet: 'Eerste vel', extraMeta: { votes: { carla: 2 } } })
  return doc
}

const EXPECTED = [
  { rank: 1, votes: 3, text: TOP, tag: 'bevorderend', sheet: 'Tweede vel' },
  { rank: 2, votes: 2, text: TIE_FIRST_SHEET, tag: 'belemmerend', sheet: 'Eerste vel' },
  { rank: 2, votes: 2, text: TIE_SECOND_SHEET, tag: 'opmerking', sheet: 'Tweede vel' },
]

/** Positions of the texts in `haystack`, which must be increasing. */
function inOrder(haystack: string, needles: string[]): void {
  const at = needles.map((n) => haystack.indexOf(n))
  for (const [i, pos] of at.entries()) expect(pos, `“${needles[i]}” is listed`).toBeGreaterThanOrEqual(0)
  expect([...at].sort((a, b) => a - b)).toEqual(at)
}

describe('Ranked votes (F12, V26, V27)', () => {
  const work = tempDir('brownpaper-stemmen-')
  afterAll(() => removeTempDirs())

  it('[F12][V26] rankByVotes: most votes first, ties share a rank and keep their order, no votes left out', () => {
    const entries = ['a', 'b', 'c', 'd', 'e'] as const
    const votes: Record<string, number> = { a: 1, b: 4, c: 1, d: 0, e: 4 }
    expect(rankByVotes(entries, (e) => votes[e]!)).toEqual([
      { rank: 1, votes: 4, entry: 'b' },
      { rank: 1, votes: 4, entry: 'e' },
      { rank: 3, votes: 1, entry: 'a' },
      { rank: 3, votes: 1, entry: 'c' },
    ])
    expect(rankByVotes([], () => 1)).toEqual([])
  })

  it('[F12] the board’s ranking: most first, ties share a rank, with the voters named from the authors', () => {
    const notes = [
      { id: 'shape:1', text: 'Beta', meta: { tag: 'opmerking', votes: { u1: 1 } } },
      { id: 'shape:2', text: 'Alfa', meta: { tag: 'opmerking', votes: { u2: 1 }, author: { id: 'u1', name: 'Anna' } } },
      { id: 'shape:3', text: 'Gamma', meta: { tag: 'opmerking', votes: { u1: 2, u2: 1 } } },
      { id: 'shape:4', text: 'Delta', meta: { tag: 'opmerking' } },
    ]
    expect(rankStickies(notes).map((r) => [r.rank, r.text, r.votes, r.voters])).toEqual([
      [1, 'Gamma', 3, ['Anna', 'u2']],
      [2, 'Alfa', 1, ['u2']],
      [2, 'Beta', 1, ['Anna']],
    ])
  })

  it('[F12] a sticky’s dots on the board: the sum of its votes; none or unreadable votes count 0', () => {
    expect(dotsOf({ tag: 'opmerking', votes: { anna: 2, bert: 1 } })).toBe(3)
    expect(dotsOf({ tag: 'opmerking' })).toBe(0)
    expect(dotsOf({ tag: 'opmerking', votes: { anna: -1 } })).toBe(0)
    expect(dotsOf({ tag: 'opmerking', votes: 'veel' })).toBe(0)
    expect(dotsOf(null)).toBe(0)
  })

  it('[V26] the model ranks the voted stickies with tag and sheet; ties in the order of the sheets', () => {
    const v = buildVerslag(votedBoard())
    expect(v.stemmen?.map((r) => ({ rank: r.rank, votes: r.votes, text: r.sticky.text, tag: r.sticky.tag, sheet: r.sticky.sheet }))).toEqual(EXPECTED)
    // The ranking is a list beside the entries: every sticky is still listed once in its section.
    expect(JSON.stringify(v.sections)).toContain(NONE)
    // A board without votes has no ranking at all.
    const quiet = new Y.Doc()
    seedBoard(quiet, ['Vel'])
    addSticky(quiet, { text: 'Stil', tag: 'opmerking', sheet: 'Vel' })
    expect(buildVerslag(quiet).stemmen).toBeUndefined()
    expect(renderMarkdown(buildVerslag(quiet))).not.toContain('Stemmen')
  })

  it('[V26] the verslag’s sheet order decides ties (a reordered verslag reorders the tie)', () => {
    const doc = votedBoard()
    const sheets = readBoard(allRecords(doc)).sheets
    doc.getMap(Y_SESSION).set(SHEET_ORDER_KEY, [...sheets].reverse().map((s) => s.id))
    const v = buildVerslag(doc)
    const sections = JSON.stringify(v.sections)
    expect(sections.indexOf('Eerste vel')).toBeGreaterThan(sections.indexOf('Tweede vel'))
    expect(v.stemmen?.map((r) => [r.rank, r.sticky.text])).toEqual([
      [1, TOP],
      [2, TIE_SECOND_SHEET],
      [2, TIE_FIRST_SHEET],
    ])
  })

  it('[V26] json: the ranking validates against the schema', () => {
    const json = JSON.parse(renderJson(buildVerslag(votedBoard())))
    expect(verslagSchema.parse(json).stemmen?.map((r) => [r.rank, r.sticky.text, r.votes])).toEqual(EXPECTED.map((e) => [e.rank, e.text, e.votes]))
  })

  it('[V26] md: a "Stemmen" table after the sections, ranked, with tag and sheet (English: "Votes")', () => {
    const md = renderMarkdown(buildVerslag(votedBoard()))
    const table = md.slice(md.indexOf('## Stemmen'))
    expect(md.indexOf('## Stemmen')).toBeGreaterThan(md.indexOf('Eerste vel'))
    expect(table).toContain('| Nr. | Sticky | Tag | Vel | Stemmen |')
    expect(table).toContain(`| 1 | ${TOP} | Bevorderend | Tweede vel | 3 |`)
    expect(table).toContain('| 2 | Geen budget \\<b\\>vet\\</b\\> | Belemmerend | Eerste vel | 2 |')
    expect(table).toContain('| 2 | Samen plannen \\| delen | Opmerking | Tweede vel | 2 |')
    inOrder(table, [TOP, 'Geen budget', 'Samen plannen'])
    const en = renderMarkdown(buildVerslag(votedBoard(), { language: 'en' }))
    expect(en).toContain('## Votes')
    expect(en).toContain('| No. | Sticky | Tag | Sheet | Votes |')
    expect(en).toContain(`| 1 | ${TOP} | Enabling | Tweede vel | 3 |`)
  })

  it('[V26] html: a table of the ranked votes, escaped', () => {
    const html = renderHtml(buildVerslag(votedBoard()))
    const section = html.slice(html.indexOf('<section class="stemmen">'), html.indexOf('</section>', html.indexOf('<section class="stemmen">')))
    expect(section).toContain('<h2>Stemmen</h2>')
    expect(section).toContain('<th>Nr.</th><th>Sticky</th><th>Tag</th><th>Vel</th><th>Stemmen</th>')
    expect(section).toContain(`<tr><td>1</td><td>${TOP}</td><td>Bevorderend</td><td>Tweede vel</td><td>3</td></tr>`)
    expect(section).toContain('<tr><td>2</td><td>Geen budget &lt;b&gt;vet&lt;/b&gt;</td><td>Belemmerend</td><td>Eerste vel</td><td>2</td></tr>')
    inOrder(section, [TOP, 'Geen budget', 'Samen plannen'])
  })

  it('[V26] docx: a Heading 2 "Stemmen" and a table of the ranked votes', async () => {
    const html = (await mammoth.convertToHtml({ buffer: await renderDocx(buildVerslag(votedBoard())) })).value
    const at = html.indexOf('<h2>Stemmen</h2>')
    expect(at).toBeGreaterThan(html.indexOf('Eerste vel</h2>'))
    const table = html.slice(at, html.indexOf('</table>', at))
    expect(table).toMatch(/<td><p>1<\/p><\/td><td><p>Meer tijd voor overleg<\/p><\/td><td><p>Bevorderend<\/p><\/td><td><p>Tweede vel<\/p><\/td><td><p>3<\/p><\/td>/)
    inOrder(table, [TOP, 'Geen budget', 'Samen plannen'])
  })

  it('[V26] pdf: the heading "Stemmen" and the ranked rows, most votes first', async () => {
    const file = path.join(work, 'stemmen.pdf')
    writeFileSync(file, await renderPdf(buildVerslag(votedBoard())))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const table = text.slice(text.lastIndexOf('Stemmen\n'))
    expect(table).toMatch(/1\s+Meer tijd voor overleg\s+Bevorderend\s+Tweede vel\s+3/)
    expect(table).toMatch(/2\s+Geen budget <b>vet<\/b>\s+Belemmerend\s+Eerste vel\s+2/)
    inOrder(table, [TOP, 'Geen budget', 'Samen plannen'])
  })

  it('[V26] the live preview shows the same table after the sections', () => {
    const html = renderToStaticMarkup(createElement(VerslagPreview, { verslag: buildVerslag(votedBoard()) }))
    const at = html.indexOf('<section data-testid="verslag-stemmen"><h2>Stemmen</h2>')
    expect(at).toBeGreaterThan(html.indexOf('Eerste vel'))
    const table = html.slice(at)
    expect(table).toContain('<th>Nr.</th><th>Sticky</th><th>Tag</th><th>Vel</th><th>Stemmen</th>')
    expect(table).toContain(`<td><span>1</span></td><td><span>${TOP}</span></td><td><span>Bevorderend</span></td><td><span>Tweede vel</span></td><td><span>3</span></td>`)
    inOrder(table, [TOP, 'Geen budget', 'Samen plannen'])
    const quiet = new Y.Doc()
    seedBoard(quiet, ['Vel'])
    expect(renderToStaticMarkup(createElement(VerslagPreview, { verslag: buildVerslag(quiet) }))).not.toContain('verslag-stemmen')
  })

  it('[V27] importing our own md or docx export leaves the ranked votes out: no extra sheet, no extra sticky', async () => {
    const v = buildVerslag(votedBoard())
    for (const imported of [importVerslag(parseVerslagText(renderMarkdown(v))), importVerslag(await parseVerslagDocx(await renderDocx(v)))]) {
      expect(imported.stickyCount).toBe(4)
      const board = readBoard(allRecords(imported.doc))
      expect(board.sheets.map((s) => s.name)).not.toContain('Stemmen')
      expect(board.stickies.filter((s) => s.text === TOP)).toHaveLength(1)
    }
  })

  it('[V27] a "Stemmen" heading in someone else’s text keeps its content as a sheet', () => {
    const imported = importVerslag(parseVerslagText('Verslag: Elders\n\n## Stemmen\n\n- Eigen tekst onder stemmen\n'))
    const board = readBoard(allRecords(imported.doc))
    const sheet = board.sheets.find((s) => s.name === 'Stemmen')
    expect(sheet).toBeDefined()
    expect(board.stickies.filter((s) => s.sheetId === sheet?.id).map((s) => s.text)).toEqual(['Eigen tekst onder stemmen'])
  })
})
