/**
 * Import fidelity on shapes real texts have (SPEC I22–I28, V28): Word's own
 * numbering as the reader saw it, numbered section headings, a pasted
 * e-mail, a web page's navigation, running headers with their page number,
 * invisible characters, English header fields, and numbered afspraken in
 * every format. Each case is a small text in that shape, not a corpus file.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagDocx } from '../../server/verslag/import/parseVerslagDocx'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { formatCounter, wordNumberMarkers } from '../../server/verslag/import/wordNumbering'
import { renderDocx } from '../../server/verslag/render/renderDocx'
import { renderHtml } from '../../server/verslag/render/renderHtml'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import type { Verslag } from '../../shared/verslag/schema'
import { wordMeerniveauDocx } from '../helpers/wordMeerniveau'

const fromText = (text: string) => {
  const parsed = parseVerslagText(text)
  const result = importVerslag(parsed)
  return { parsed, ...result, v: buildVerslag(result.doc) }
}
const headings = (v: Verslag) => v.sections.map((s) => s.heading)

describe('Word numbering as the reader saw it (I22)', () => {
  it('[I22] markers come from numbering.xml: "1)" with "a." and "i." under it, a list starting at 3, bullets without a number, numbered headings "2.1"', async () => {
    const bytes = await wordMeerniveauDocx()
    expect(wordNumberMarkers(bytes)).toEqual(['1.', '2.', '2.1', '1)', 'a.', 'b.', 'i.', '2)', '2.2', '', '', '3.', '4.', '3.', '1.', '2.'])
    const parsed = await parseVerslagDocx(bytes)
    // (The Title style is no heading for mammoth: the title comes from the first line standing alone, I4.)
    expect(parsed.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      '1. Inleiding',
      '2. Stand van zaken',
      '2.1 Wijkverpleging',
      '2.2 Huisartsenzorg',
      '3. Afspraken',
    ])
    const items = parsed.blocks.flatMap((b) => (b.kind === 'bullet' ? [[b.marker ?? '•', b.depth, b.text] as const] : []))
    expect(items).toEqual([
      ['1)', 0, 'Minder verantwoording'],
      ['a.', 1, 'één formulier voor alle zorgverzekeraars'],
      ['b.', 1, 'geen maandrapportage meer'],
      ['i.', 2, 'behalve bij intensieve zorg'],
      ['2)', 0, 'Meer inzet van de wijkverpleegkundige bij ontslag uit het ziekenhuis'],
      ['•', 0, 'praktijkondersteuners ouderenzorg in elke gemeente'],
      ['•', 1, 'een vast aanspreekpunt bij de wijkverpleging'],
      ['3.', 0, 'Afspraken over de avond- en nachtzorg'],
      ['4.', 0, 'Gegevensuitwisseling met de huisartsenpost'],
      ['1.', 0, 'Zorgkantoor Oost schrijft een voorstel voor het formulier voor 1 mei 2025.'],
      ['2.', 0, 'De huisartsen organiseren een bijeenkomst met de wijkverpleging in juni.'],
    ])
    // mammoth alone sees only "an ordered list": the numbers are ours.
    expect((await mammoth.convertToHtml({ buffer: bytes })).value).not.toContain('2.1')
  })

  it('[I22] a list restarted by its own w:num (startOverride) counts from its start again, in its format (upperRoman)', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'n', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }] }],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Kop', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'een', numbering: { reference: 'n', level: 0, instance: 1 } }),
            new Paragraph({ text: 'twee', numbering: { reference: 'n', level: 0, instance: 1 } }),
            new Paragraph('tussendoor'),
            new Paragraph({ text: 'opnieuw', numbering: { reference: 'n', level: 0, instance: 2 } }),
          ],
        },
      ],
    })
    expect(wordNumberMarkers(await Packer.toBuffer(doc))).toEqual(['I.', 'II.', 'I.'])
    expect([formatCounter(28, 'lowerLetter'), formatCounter(14, 'upperRoman'), formatCounter(7, 'decimalZero')]).toEqual(['bb', 'XIV', '07'])
  })

  it('[I22] a .docx without numbering.xml, or one that is no zip, gives no numbers and no error', () => {
    expect(wordNumberMarkers(Buffer.from('no zip at all'))).toBeNull()
  })
})

describe('Numbered section headings in text (I23)', () => {
  const text = [
    'Verslag overleg werkgroep',
    '',
    '1. Opening',
    '',
    'De voorzitter opent het overleg.',
    '',
    '2. Verslag vorige keer',
    '',
    'Het verslag wordt vastgesteld met twee wijzigingen:',
    'a. punt 4 aangepast;',
    'b. V&VN toegevoegd.',
    '',
    '3. Afspraken',
    '',
    '- Het programmabureau belt de NZa voor 1 december 2024.',
    '',
    '4. Rondvraag',
    '',
    'Geen vragen.',
    '',
  ].join('\n')

  it('[I23] "1. Opening" standing alone between text is a heading with its number; a known word after the number still tags', () => {
    const { v } = fromText(text)
    expect(headings(v)).toEqual(['1. Opening', '2. Verslag vorige keer', '3. Afspraken', '4. Rondvraag'])
    expect(v.sections.find((s) => s.heading === '3. Afspraken')?.kind).toBe('afspraken')
    const md = renderMarkdown(v)
    expect(md.indexOf('De voorzitter opent')).toBeLessThan(md.indexOf('## 2. Verslag vorige keer'))
    expect(md).toContain('a. punt 4 aangepast;')
  })

  it('[I23] pasted without blank lines: "1. Opening" above a sentence is a heading too; items after "…de volgende punten:" stay a list', () => {
    const pasted = fromText('Verslag bijeenkomst themagroep Wijkverpleging\n1. Opening\nDe voorzitter opent de bijeenkomst.\n2. Mededelingen\nEr zijn geen mededelingen.\n3. Afspraken\n- Het programmabureau stuurt de notitie rond.\n')
    expect(headings(pasted.v)).toEqual(['1. Opening', '2. Mededelingen', '3. Afspraken'])
    const list = fromText('Verslag: Lijst\n\nPunten\n\nDe werkgroep noemt de volgende punten:\n1. Wachttijden\nDe wachttijd is lang.\n2. Overdracht\nEr is geen dossier.\n')
    expect(headings(list.v)).toEqual(['Punten'])
  })

  it('[I29] text before the first heading keeps its order around a list: the paragraph after the list stays after it', () => {
    const { v } = fromText('Verslag: Volgorde\n\nEerst een inleidende zin.\n\n- punt een\n- punt twee\n\nEen slotzin na de lijst.\n\nKop\n\nTekst onder de kop.\n')
    const md = renderMarkdown(v)
    const at = ['Eerst een inleidende zin.', '- punt een', '- punt twee', 'Een slotzin na de lijst.', '## Kop'].map((t) => md.indexOf(t))
    expect(at.every((n, i) => n >= 0 && (i === 0 || n > at[i - 1]!))).toBe(true)
  })

  it('[I23] one numbered line alone, or a numbered list with blank lines between its items, stays a list', () => {
    expect(headings(fromText('Verslag: Een\n\nPunten\n\n1. Eerste punt\n\nDaarna tekst.\n').v)).toEqual(['Punten'])
    const { v } = fromText('Verslag: Lijst\n\nPunten\n\n1. Eerste punt\n\n2. Tweede punt\n\n3. Derde punt\n')
    expect(headings(v)).toEqual(['Punten'])
    expect(renderMarkdown(v)).toMatch(/1\. Eerste punt\n2\. Tweede punt\n3\. Derde punt/)
  })
})

describe('A pasted e-mail and a web page (I24, I25)', () => {
  it('[I24] the subject of a pasted e-mail is the title (RE:/FW: taken off); its header lines stay; the day it was sent gives the year', () => {
    const mail = [
      'Van: Secretariaat <secretariaat@example.nl>',
      'Verzonden: vrijdag 8 november 2024 16:12',
      'Aan: Leden themagroep',
      'Onderwerp: RE: Verslag overleg 5 november',
      '',
      'Hierbij het verslag van ons overleg van dinsdag 5 november in Zwolle.',
      '',
      'Afspraken',
      '',
      '- het secretariaat plant het volgende overleg',
      '',
    ].join('\n')
    const { v, info } = fromText(mail)
    expect(v.heading).toBe('Verslag overleg 5 november')
    expect(info.date).toBe('2024-11-05')
    expect(info.place).toBe('Zwolle')
    expect(v.intro.join('\n')).toContain('Van: Secretariaat <secretariaat@example.nl>')
  })

  it('[I25] a breadcrumb and menu lines before a web page\'s title do not take the title; a menu item above it is no heading', () => {
    const page = [
      'Home > Thema\'s > Regelruimte',
      'Menu',
      'Nieuws',
      'Contact',
      'Regelruimte voor de wijkverpleging: zo werkt het',
      'Gepubliceerd op: 3 juni 2024',
      'Wijkverpleegkundigen lopen aan tegen regels die goede zorg in de weg zitten. Hier leest u wat u kunt doen.',
      'Wat is regelruimte?',
      'Regelruimte is de ruimte die regels laten om af te wijken van de gebruikelijke werkwijze in de zorg.',
    ].join('\n')
    const { v } = fromText(page)
    expect(v.heading).toBe('Regelruimte voor de wijkverpleging: zo werkt het')
    expect(headings(v)).toEqual(['Wat is regelruimte?'])
    expect(v.intro[0]).toBe('Home > Thema\'s > Regelruimte\nMenu\nNieuws\nContact')
    expect(v.geplaatstOp).toBe('2024-06-03')
  })
})

describe('Who decides the headings (I25)', () => {
  it('[I25] in web text a short line left over ("Lees meer") is text; a Markdown text or a .docx with headings of its own declares them, so a short line in it stays text', async () => {
    const web = fromText('Regelruimte in de wijk\nWijkverpleegkundigen lopen aan tegen regels die goede zorg in de weg zitten, zo blijkt.\nLees meer\nStap voor stap\n1. Beschrijf het knelpunt.\n2. Dien het verzoek in.\n')
    expect(headings(web.v)).toEqual(['Stap voor stap'])
    const md = fromText('# Titel\n\n## Eerste kop\n\nTekst van de eerste alinea.\n\nLees meer\n\n## Tweede kop\n\nNog wat tekst.\n')
    expect(headings(md.v)).toEqual(['Eerste kop', 'Tweede kop'])
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Titel', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Eerste kop', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('Tekst van de eerste alinea.'),
            new Paragraph('Lees meer'),
          ],
        },
      ],
    })
    const parsed = await parseVerslagDocx(await Packer.toBuffer(doc))
    expect(parsed.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Titel'],
      ['heading', 'Eerste kop'],
      ['paragraph', 'Tekst van de eerste alinea.'],
      ['paragraph', 'Lees meer'],
    ])
  })
})

describe('Running headers, invisible characters, English fields (I26–I28)', () => {
  it('[I26] a running header with the page number at its end or start is left out and reported; a word hyphenated across the page break is joined', () => {
    const lines = [
      'Blad voor Zorgbeleid 4 | 2024 17',
      'WIJKZORG',
      '',
      'De wijkverpleging valt sinds 2015 onder de',
      'Zorgverzekeringswet. Dat gaf de wijkver-',
      'pleegkundige meer ruimte om zelf te bepalen',
      'welke zorg nodig is, maar bracht ook nieuwe',
      'lasten mee voor de administratie van de verant-',
      '',
      '18 Blad voor Zorgbeleid 4 | 2024',
      'woording aan de zorgverzekeraar en de gemeente.',
      'Het verzoek gaat naar het meldpunt van het pro-',
      'gramma, dat binnen zes weken antwoord geeft.',
      'Daarna volgt een gesprek met de zorgverzekeraar',
      'en de huisarts over wat er in de wijk nodig is.',
      'De gemeente schuift aan als de Wmo erbij komt',
      'kijken, zoals bij huishoudelijke hulp.',
    ]
    const { parsed, v, report } = fromText(lines.join('\n'))
    expect(parsed.shape).toBe('wrapped')
    expect(parsed.dropped).toEqual(['Blad voor Zorgbeleid 4 | 2024 17', '18 Blad voor Zorgbeleid 4 | 2024'])
    expect(report.dropped).toEqual(parsed.dropped)
    const md = renderMarkdown(v)
    expect(md).toContain('de administratie van de verantwoording aan de zorgverzekeraar')
    expect(md).toContain('wijkverpleegkundige meer ruimte')
    expect(md).not.toContain('Blad voor Zorgbeleid')
    expect(md).toContain('het meldpunt van het programma, dat')
  })

  it('[I26] a repeated line with a rising number but a one-word name ("Fase 1", "Fase 2") is content, not a page header', () => {
    const para = (n: number) => `Dit is alinea ${n} van de notitie over de wijkverpleging en de huisartsen in de regio.`
    const text = [para(1), '', para(2), '', para(3), '', 'Fase 1', '', para(4), '', 'Fase 2', '', para(5), '', para(6), '', para(7), '', para(8), ''].join('\n')
    const { parsed, v } = fromText(`Notitie fasering\n\n${text}`)
    expect(parsed.dropped).toEqual([])
    expect(headings(v)).toEqual(['Fase 1', 'Fase 2'])
  })

  it('[I27] zero-width characters, soft hyphens, a BOM inside the text and CRLF leave no trace; tabs indent; a no-break space alone is a blank line', () => {
    const text = '\uFEFFVerslag: Tekens\r\n\u00A0\r\nWat we zagen\r\n\t•\tde wijk\u200Bverpleging belt vaak\r\n\t\t–\tvooral op vrij\u00ADdag\r\n\u00A0\u00A0\r\nDe indicatie\u2060stelling duurt lang.\r\n'
    const { v } = fromText(text)
    const md = renderMarkdown(v)
    expect(md).not.toMatch(/[\u200B\u2060\u00AD\uFEFF\r]/)
    expect(md).toContain('- de wijkverpleging belt vaak\n  - vooral op vrijdag')
    expect(md).toContain('De indicatiestelling duurt lang.')
    // A joiner inside an emoji is part of the picture and stays.
    expect(renderMarkdown(fromText('Verslag: Zorg\n\nPunten\n\n- de 🧑\u200D⚕️ wijkverpleegkundige\n').v)).toContain('- de 🧑\u200D⚕️ wijkverpleegkundige')
  })

  it('[I28] English header fields fill the session; "Agenda najaar" is a section of its own; only "Agenda" is the agenda', () => {
    const { info } = fromText('Minutes of the board\n\nDate: 4 March 2025\nLocation: Arnhem\nPresent: Menzis, VGZ\nApologies: GGD\n\nNotes\n\nThe board met.\n')
    expect(info).toMatchObject({ date: '2025-03-04', place: 'Arnhem', deelnemers: [{ organisation: 'Menzis' }, { organisation: 'VGZ' }], afgemeld: ['GGD'] })
    const { v } = fromText('Nieuwsbrief oktober\n\nTerugblik\n\nHet was druk.\n\nAgenda najaar\n\n- 12 november: webinar\n- 28 november: themagroep\n')
    expect(headings(v)).toEqual(['Terugblik', 'Agenda najaar'])
    expect(v.agenda).toEqual([])
    expect(headings(fromText('Verslag: X\n\nAgenda\n\n1. Opening\n2. Rondvraag\n\nBesproken\n\nVeel.\n').v)).toEqual(['Besproken'])
    const colon = fromText('Verslag: X\n\nAgenda:\n\n1. Opening\n2. Rondvraag\n\nBesproken\n\nVeel.\n').v
    expect(headings(colon)).toEqual(['Besproken'])
    expect(colon.agenda).toEqual(['1. Opening', '2. Rondvraag'])
  })

  it('[I28] English action headings ("Action points", "Actions") tag their items as afspraken', () => {
    const { v } = fromText('Minutes of the board\n\nDate: 4 March 2025\n\nDiscussion\n\nThe board met.\n\nAction points\n\n- Send the note to the GPs\n- Plan a meeting with Menzis\n')
    const afspraken = v.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken.map((a) => a.item.text) : []))
    expect(afspraken).toEqual(['Send the note to the GPs', 'Plan a meeting with Menzis'])
  })
})

describe('Numbered afspraken in every format (V28)', () => {
  it('[V28] a numbered afspraak keeps its number in the afspraken table of .docx and .html and reads back from the .docx', async () => {
    const { v } = fromText('Verslag: Acties\n\nAfspraken\n\n1. Notitie rondsturen voor 1 mei 2025\n2. Overleg plannen met de huisartsen\n')
    const afspraken = v.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))
    expect(afspraken.map((a) => a.item.marker)).toEqual(['1.', '2.'])
    expect(renderHtml(v)).toContain('<td>1. Notitie rondsturen voor 1 mei 2025</td>')
    const docx = await renderDocx(v)
    expect((await mammoth.convertToHtml({ buffer: docx })).value).toContain('1. Notitie rondsturen voor 1 mei 2025')
    const again = buildVerslag(importVerslag(await parseVerslagDocx(docx)).doc)
    const back = again.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))
    expect(back.map((a) => [a.item.marker, a.item.text])).toEqual([
      ['1.', 'Notitie rondsturen voor 1 mei 2025'],
      ['2.', 'Overleg plannen met de huisartsen'],
    ])
    expect(renderMarkdown(again)).toBe(renderMarkdown(v))
  })

  it('[V30] prose after the afspraken stays after them in every format; prose before them stays before', async () => {
    const { v } = fromText('Verslag: Volgorde\n\nAfspraken\n\nVooraf is het volgende afgesproken.\n\n- De notitie rondsturen\n- Het overleg plannen\n\nDe volgende vergadering is in juni.\n')
    const section = v.sections.find((s) => s.kind === 'afspraken')
    expect(section?.kind === 'afspraken' && [section.notes.map((n) => n.text), section.notesAfter?.map((n) => n.text)]).toEqual([
      ['Vooraf is het volgende afgesproken.'],
      ['De volgende vergadering is in juni.'],
    ])
    const inOrder = (out: string) => {
      const at = ['Vooraf is het volgende', 'De notitie rondsturen', 'Het overleg plannen', 'De volgende vergadering'].map((t) => out.indexOf(t))
      expect(at.every((n, i) => n >= 0 && (i === 0 || n > at[i - 1]!))).toBe(true)
    }
    inOrder(renderMarkdown(v))
    inOrder(renderHtml(v))
    inOrder((await mammoth.convertToHtml({ buffer: await renderDocx(v) })).value)
    expect(renderMarkdown(buildVerslag(importVerslag(parseVerslagText(renderMarkdown(v))).doc))).toBe(renderMarkdown(v))
  })

  it('[V31] the .docx: a paragraph after a list or after a table has space above; the markers of one list share one hanging indent', async () => {
    const { v } = fromText('Verslag: Ruimte\n\nPunten\n\nDrie punten:\n\na. Eerste\n   i. een\n   ii. twee\n   iii. drie\nb. Tweede\n\nDaarna volgt tekst.\n\nAfspraken\n\n- De notitie rondsturen\n\nTot de volgende keer.\n')
    const xml = strFromU8(unzipSync(await renderDocx(v))['word/document.xml']!)
    const paragraph = (text: string) => xml.split('<w:p>').find((p) => p.includes(text))!
    expect(paragraph('Daarna volgt tekst.')).toContain('<w:spacing w:before="160"/>')
    expect(paragraph('Tot de volgende keer.')).toContain('<w:spacing w:before="160"/>')
    expect(paragraph('Drie punten:')).not.toContain('w:before')
    const hanging = (text: string) => /w:hanging="(\d+)"/.exec(paragraph(text))?.[1]
    expect(hanging('een')).toBeDefined()
    expect(new Set([hanging('een'), hanging('twee'), hanging('drie')]).size).toBe(1)
  })
})
