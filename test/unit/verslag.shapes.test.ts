import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { shapeText } from '../../server/verslag/import/textShapes'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { readMarkdownOutline } from '../helpers/markdownOutline'
import { strFromU8, unzipSync } from 'fflate'

function run(text: string) {
  const parsed = parseVerslagText(text)
  const { doc } = importVerslag(parsed)
  const v = buildVerslag(doc)
  const md = renderMarkdown(v)
  return { parsed, doc, v, md, outline: readMarkdownOutline(md), board: readBoard(allRecords(doc)) }
}

const WEB = [
  'Vragen over de regeling',
  'Op deze pagina staan de vragen die het vaakst gesteld worden.',
  'Aanvragen',
  '1. Wie mag een aanvraag doen?',
  'Iedere zorgaanbieder met een contract met het zorgkantoor.',
  '2. Wanneer hoor ik iets?',
  'Binnen zes weken na de aanvraag.',
  '• per mail',
  'Bekostiging',
  'De regeling vergoedt alleen de extra uren die nodig zijn voor overleg en scholing van medewerkers.',
].join('\n')

describe('Real-world text shapes (I16–I20)', () => {
  it('[I16] web text without blank lines: short lines before longer text are headings, numbered questions are items, a bullet swallows no line', () => {
    const { outline, v, parsed } = run(WEB)
    expect(parsed.shape).toBe('lines')
    expect(outline.sections).toEqual(['Aanvragen', 'Bekostiging'])
    const items = v.sections.flatMap((s) => (s.kind === 'section' ? s.items : []))
    expect(items.map((i) => [i.kind, i.marker ?? '', i.text])).toEqual([
      ['bullet', '1.', 'Wie mag een aanvraag doen?'],
      ['paragraph', '', 'Iedere zorgaanbieder met een contract met het zorgkantoor.'],
      ['bullet', '2.', 'Wanneer hoor ik iets?'],
      ['paragraph', '', 'Binnen zes weken na de aanvraag.'],
      ['bullet', '', 'per mail'],
      ['paragraph', '', 'De regeling vergoedt alleen de extra uren die nodig zijn voor overleg en scholing van medewerkers.'],
    ])
  })

  it('[I16] a short line without final punctuation followed by more short lines stays text (a list of names is no heading)', () => {
    const { outline, v } = run('Verslag: Namen\n\nAanwezig waren onder anderen\nPiet Jansen\nAnna de Vries\n')
    expect(outline.sections).toEqual([])
    expect(v.intro.join('\n')).toContain('Piet Jansen\nAnna de Vries')
  })

  it('[I17] hard-wrapped text: lines join into paragraphs, end-of-line hyphens are undone except after an abbreviation or before "en"', () => {
    const text = [
      'De proeftuinen in de Achter-',
      'hoek en in Twente lieten zien dat verpleeg-',
      'huizen met minder regels toe kunnen. Wel blijft de Wlz-',
      'indicatie nodig, en de zorg-',
      'en welzijnsmedewerkers doen mee.',
      'Een tweede alinea begint hier en loopt ook door over meer dan een',
      'regel, zoals dat gaat in een tekst die uit een pdf is gekopieerd.',
    ].join('\n')
    const shaped = shapeText(text.split('\n'))
    expect(shaped.shape).toBe('wrapped')
    expect(shaped.lines).toEqual([
      'De proeftuinen in de Achterhoek en in Twente lieten zien dat verpleeghuizen met minder regels toe kunnen. Wel blijft de Wlz-indicatie nodig, en de zorg- en welzijnsmedewerkers doen mee.',
      '',
      'Een tweede alinea begint hier en loopt ook door over meer dan een regel, zoals dat gaat in een tekst die uit een pdf is gekopieerd.',
    ])
  })

  it('[I18] repeated page headers and footers and page numbers are left out; headings in capitals are headings', () => {
    const heads = ['DE AANLEIDING', 'WAT ER WERKTE', 'WAT NOG NIET LUKTE']
    const page = (n: number) => [
      'Tijdschrift voor de Zorg | 2025',
      heads[n - 1]!,
      '',
      `Dit is de eerste regel van alinea ${n} die over meerdere regels`,
      'doorloopt en daarom door de import aan elkaar wordt gezet tot een',
      'geheel, zoals een lezer het ook zou lezen in het oorspronkelijke',
      'artikel op papier.',
      'Een tweede zin van de alinea op een nieuwe regel die ook doorloopt',
      'tot de volgende regel van de pagina.',
      '',
      String(n),
      '',
    ]
    const { outline, parsed, md } = run([1, 2, 3].flatMap(page).join('\n'))
    expect(parsed.dropped).toEqual(expect.arrayContaining(['Tijdschrift voor de Zorg | 2025', '1', '2', '3']))
    expect(outline.sections).toEqual(['WAT ER WERKTE', 'WAT NOG NIET LUKTE'])
    expect(md).not.toContain('Tijdschrift voor de Zorg')
    expect(md).toContain('doorloopt en daarom door de import aan elkaar wordt gezet tot een geheel')
  })

  it('[I3][I19] a lowercase line starting with "afspraken" is no heading: it stays text where it was and tags nothing', () => {
    const text = 'Verslag: Overleg\n\nInleiding\n\nDe partijen spraken over de verantwoording.\n\nafspraken over de verantwoording werden vooraf vastgelegd\n\nTot slot werd de vergadering gesloten.\n'
    const { v, board } = run(text)
    const section = v.sections.find((s) => s.heading === 'Inleiding')
    expect(section?.kind === 'section' && section.items.map((i) => i.text)).toEqual([
      'De partijen spraken over de verantwoording.',
      'afspraken over de verantwoording werden vooraf vastgelegd',
      'Tot slot werd de vergadering gesloten.',
    ])
    expect(board.stickies.some((s) => s.tag === 'afspraak')).toBe(false)
  })

  it('[V21] an image placeholder line stays on the board and in the model where it was, and is left out of md, html and docx', async () => {
    const text = 'Verslag: Met foto\n\nDe inleiding.\n\nhuisarts in the lead 1000x667\n\nMeer tekst.\n\nModel\n\nEen alinea.\n\nfoto van het team 800x533\n'
    const { v, md } = run(text)
    expect(v.intro).toEqual(['De inleiding.', 'huisarts in the lead 1000x667', 'Meer tekst.'])
    const model = v.sections.find((s) => s.heading === 'Model')
    expect(model?.kind === 'section' && model.items.map((i) => i.text)).toEqual(['Een alinea.', 'foto van het team 800x533'])
    for (const out of [md, renderHtml(v), strFromU8(unzipSync(await renderDocx(v))['word/document.xml']!)]) {
      expect(out).not.toContain('1000x667')
      expect(out).not.toContain('800x533')
      expect(out).toContain('Meer tekst.')
    }
  })

  it('[I1][I16] right under a bullet, a line going on in lower case continues it; a capitalised sentence after a finished bullet is a paragraph of its own', () => {
    const text = 'Verslag: Lijst en alinea\n\nPunten\n\n- Eerste punt dat over\n  twee regels loopt\n- Tweede punt\nmet een vervolg in kleine letters\n- Derde punt.\nDaarna volgt een gewone alinea over iets anders.\n\nSlot\n\nEinde.\n'
    const { v } = run(text)
    const section = v.sections.find((x) => x.heading === 'Punten')
    expect(section?.kind === 'section' && section.items.map((i) => [i.kind, i.text])).toEqual([
      ['bullet', 'Eerste punt dat over\ntwee regels loopt'],
      ['bullet', 'Tweede punt\nmet een vervolg in kleine letters'],
      ['bullet', 'Derde punt.'],
      ['paragraph', 'Daarna volgt een gewone alinea over iets anders.'],
    ])
  })
})
