import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/boardModel'
import { createTLSchema } from '@tldraw/tlschema'
import { allRecords, readSessionInfo } from '../../shared/ydoc'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagDocx } from '../../server/verslag/import/parseVerslagDocx'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'
import { readMarkdownOutline } from '../helpers/markdownOutline'

function importText(text: string) {
  const result = importVerslag(parseVerslagText(text))
  const board = readBoard(allRecords(result.doc))
  const md = renderMarkdown(buildVerslag(result.doc))
  return { ...result, board, md, outline: readMarkdownOutline(md) }
}

const GENERAL = [
  'Verslag: Themabijeenkomst wijkverpleging',
  '',
  'Datum: 3 maart 2017',
  'Themagroep: Wijkverpleging en verpleeghuiszorg',
  '',
  'Deelnemers',
  '- Zorgkantoor Noord',
  '- Verenso (Piet)',
  '',
  'Opbrengst workshop – Model wijk',
  '',
  '* Eerste punt',
  '\t* Onderpunt met tab',
  '* Tweede punt',
  '  dat over twee regels loopt',
  '',
  'Conclusies Model wijk',
  '',
  '1. Eerste conclusie',
  '2. Tweede conclusie',
  '',
  'Vervolgafspraken',
  '',
  '- 12 april 14.00 uur overleg bij Zorgkantoor Noord in Groningen',
  '- Wie: Anna; notitie rondsturen',
  '',
  'Overige',
  '',
  '- Los punt',
].join('\r\n')

describe('Import of verslagen in general', () => {
  it('[I1][I3][I6][I7] Windows line endings, "-", "*", tabs and numbered lists, Conclusies and Vervolgafspraken headings; a Vervolgafspraken section keeps its name [V1]', () => {
    const { board, info, outline, md } = importText(GENERAL)
    expect(info.title).toBe('Themabijeenkomst wijkverpleging')
    expect(info.themagroep).toBe('Wijkverpleging en verpleeghuiszorg')
    expect(info.date).toBe('2017-03-03')
    expect(info.type).toBe('themabijeenkomst')
    expect(info.deelnemers).toEqual([{ organisation: 'Zorgkantoor Noord' }, { organisation: 'Verenso', name: 'Piet' }])
    expect(board.sheets.map((s) => s.name)).toEqual(['Model wijk', 'Vervolgafspraken'])
    const byText = new Map(board.stickies.map((s) => [s.text, s]))
    expect(byText.get('Onderpunt met tab')?.meta.parentStickyId).toBe(byText.get('Eerste punt')?.id)
    expect(byText.get('Tweede punt\ndat over twee regels loopt')?.tag).toBe('opmerking')
    expect(byText.get('Eerste conclusie')?.tag).toBe('conclusie')
    expect(byText.get('Los punt')?.sheetId).toBeNull()
    const overleg = byText.get('12 april 14.00 uur overleg bij Zorgkantoor Noord in Groningen')
    expect(overleg?.meta).toMatchObject({ tag: 'afspraak', wanneer: '2017-04-12', tijdVan: '14:00', waar: 'Zorgkantoor Noord in Groningen' })
    expect(byText.get('Wie: Anna; notitie rondsturen')?.meta.wie).toBe('Anna')
    expect(outline.sections).toEqual(['Opbrengst themabijeenkomst – Model wijk', 'Conclusie Model wijk', 'Vervolgafspraken', 'Overige'])
    expect(md).toContain('**Deelnemers:** Zorgkantoor Noord, Verenso (Piet)')
  })

  it('[I3] Setext headings ("Kop" over "===") are headings; a rule ("---") is no content', () => {
    const { info, board } = importText('Verslag: Met lijnen\n===================\n\nAfspraken\n---------\n\n- Bellen\n\n---\n\nOverige\n-------\n\n- Los\n')
    expect(info.title).toBe('Met lijnen')
    expect(board.sheets.map((s) => s.name)).toEqual(['Afspraken'])
    expect(board.stickies.map((s) => [s.text, s.tag])).toEqual([
      ['Bellen', 'afspraak'],
      ['Los', 'opmerking'],
    ])
  })

  it('[I1] the same text with \\n, \\r\\n or \\r line endings gives the same verslag', () => {
    const a = importText(GENERAL.replace(/\r\n/g, '\n')).md
    expect(importText(GENERAL).md).toBe(a)
    expect(importText(GENERAL.replace(/\r\n/g, '\r')).md).toBe(a)
  })

  it('[I10] text that is not a verslag imports as opmerkingen with nothing lost', () => {
    const text = [
      'Lijstje van de koffietafel, niet bedoeld als verslag maar toch handig om te bewaren.',
      'Tweede regel van dezelfde alinea.',
      '',
      'Iemand zei: we moeten eerder beginnen.',
      '- melk',
      '- suiker',
      '    - bruine suiker',
      '',
      '<script>alert(1)</script> & meer',
    ].join('\n')
    const { board, md, stickyCount } = importText(text)
    expect(board.sheets.map((s) => s.name)).toEqual(['Opmerkingen'])
    expect(board.stickies.every((s) => s.tag === 'opmerking')).toBe(true)
    expect(stickyCount).toBe(board.stickies.length)
    const plain = md.replace(/\\(.)/g, '$1')
    for (const line of text.split('\n').map((l) => l.replace(/^\s*- /, '').trim()).filter((l) => l !== '')) {
      expect(plain, line).toContain(line)
    }
  })

  it('[I5] reads afgemeld from a sentence of the introduction, and only names', async () => {
    const { afgemeldFromProse } = await import('../../server/verslag/import/importVerslag')
    expect(afgemeldFromProse(['Een goede mix. ActiZ en LHV hebben zich afgemeld.'])).toEqual(['ActiZ', 'LHV'])
    expect(afgemeldFromProse(['Zorgkantoor Noord, CZ en VWS hebben zich vooraf afgemeld'])).toEqual(['Zorgkantoor Noord', 'CZ', 'VWS'])
    expect(afgemeldFromProse(['Een van de organisaties heeft zich afgemeld.'])).toEqual([])
    expect(afgemeldFromProse(['Niemand meldde zich af.'])).toEqual([])
  })

  it('[I5] field lines whose key carries a few qualifying words still fill the session details', () => {
    const { info } = importText(
      'Verslag: Velden\n\nDatum bijeenkomst: 3 oktober 2017\nAanwezig namens de regio: Menzis, NZa\nAfwezig met bericht: ActiZ; LHV\n\nOpbrengst – Blad\n\n- een\n',
    )
    expect(info.date).toBe('2017-10-03')
    expect(info.deelnemers.map((d) => d.organisation)).toEqual(['Menzis', 'NZa'])
    expect(info.afgemeld).toEqual(['ActiZ', 'LHV'])
  })

  it('[I3] a known heading typed straight above its text is a heading; a short first line of other prose stays prose', () => {
    const parsed = parseVerslagText('Verslag: Koppen\n\nConclusies\nHet klantpad moet beter.\n\nStart is met een presentatie\nen een gesprek.\n')
    expect(parsed.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Verslag: Koppen'],
      ['heading', 'Conclusies'],
      ['paragraph', 'Het klantpad moet beter.'],
      ['paragraph', 'Start is met een presentatie\nen een gesprek.'],
    ])
  })

  it('[I5] a verslag without dates imports; afspraken without a year keep their text and get no date', () => {
    const { info, board } = importText('Verslag: Zonder data\n\nAfspraken\n\n- 22 juni 9.30 – 11.30 bij VWS in Den Haag\n')
    expect(info.geplaatstOp).toBeUndefined()
    expect(info.laatstGewijzigdOp).toBeUndefined()
    const afspraak = board.stickies[0]!
    expect(afspraak.meta).toMatchObject({ tag: 'afspraak', tijdVan: '09:30', tijdTot: '11:30', waar: 'VWS in Den Haag' })
    expect(afspraak.meta.wanneer).toBeUndefined()
  })

  it('[I8] lays the stickies out as a grid per sheet without overlaps, in document order, as valid tldraw records', () => {
    const { doc, board } = importText(GENERAL + '\r\n\r\nNog een blad\r\n\r\n' + Array.from({ length: 9 }, (_, i) => `- punt ${i} ${'lang '.repeat(i * 10)}`).join('\r\n'))
    const schema = createTLSchema()
    for (const r of allRecords(doc)) expect(() => schema.types[r.typeName as 'shape'].validate(r)).not.toThrow()
    const notes = allRecords(doc).filter((r) => r.type === 'note')
    for (const sheet of board.sheets) {
      const inSheet = notes.filter((n) => n.parentId === sheet.id)
      const box = (n: (typeof inSheet)[number]) => {
        const props = n.props as { growY: number }
        return { x: Number(n.x), y: Number(n.y), w: 200, h: 200 + props.growY }
      }
      for (const a of inSheet) {
        const ba = box(a)
        expect(ba.x + ba.w).toBeLessThanOrEqual(sheet.w)
        expect(ba.y + ba.h).toBeLessThanOrEqual(sheet.h)
        for (const b of inSheet) {
          if (a === b) continue
          const bb = box(b)
          const overlap = ba.x < bb.x + bb.w && bb.x < ba.x + ba.w && ba.y < bb.y + bb.h && bb.y < ba.y + ba.h
          expect(overlap).toBe(false)
        }
      }
    }
    const punten = board.stickies.filter((s) => s.text.startsWith('punt ')).map((s) => s.text.split(' ')[1])
    expect(punten).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8'])
  })

  it('[I2] a Word document with real headings and nested list levels imports with its sheets, tags and nesting', async () => {
    const bullet = (text: string, level = 0) => new Paragraph({ text, numbering: { reference: 'b', level } })
    const word = new Document({
      numbering: {
        config: [
          {
            reference: 'b',
            levels: [0, 1].map((level) => ({ level, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT })),
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Verslag: Brownpapersessie Model A', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Een inleiding van de themacoördinator.'),
            new Paragraph({ text: 'Opbrengst brownpapersessie – Model A', heading: HeadingLevel.HEADING_2 }),
            bullet('Ondeelbare zorg'),
            bullet('Triage door de SO', 1),
            bullet('Tweede punt'),
            new Paragraph({ text: 'Conclusie Model A', heading: HeadingLevel.HEADING_2 }),
            bullet('Eén financiering'),
            new Paragraph({ text: 'Belemmerende factoren', heading: HeadingLevel.HEADING_2 }),
            bullet('Gescheiden dossiers'),
            new Paragraph('Geplaatst op: 13 juni 2016'),
          ],
        },
      ],
    })
    const parsed = await parseVerslagDocx(await Packer.toBuffer(word))
    const { doc, stickyCount } = importVerslag(parsed)
    const board = readBoard(allRecords(doc))
    const info = readSessionInfo(doc)
    expect(info).toMatchObject({ title: 'Brownpapersessie Model A', intro: 'Een inleiding van de themacoördinator.', geplaatstOp: '2016-06-13' })
    const byText = new Map(board.stickies.map((s) => [s.text, s]))
    expect(byText.get('Triage door de SO')?.meta.parentStickyId).toBe(byText.get('Ondeelbare zorg')?.id)
    expect(byText.get('Eén financiering')?.tag).toBe('conclusie')
    expect(byText.get('Eén financiering')?.sheetId).toBe(byText.get('Ondeelbare zorg')?.sheetId)
    expect(byText.get('Gescheiden dossiers')?.tag).toBe('belemmerend')
    expect(stickyCount).toBe(5)
  })

  it('[I13] our own Markdown and .docx exports import back to the same verslag, fields of afspraken and regelruimte included', async () => {
    const { renderDocx } = await import('../../server/verslag/render/renderDocx')
    const { chainBoard } = await import('../helpers/verslagBoard')
    const original = buildVerslag(chainBoard().doc)
    const md = renderMarkdown(original)
    for (const again of [
      importVerslag(parseVerslagText(md)),
      importVerslag(await parseVerslagDocx(await renderDocx(original))),
    ]) {
      const stickies = readBoard(allRecords(again.doc)).stickies
      const byText = new Map(stickies.map((s) => [s.text, s]))
      expect(byText.get('Werksessie regelruimte')?.meta).toMatchObject({
        tag: 'afspraak',
        wie: 'Kleine geleding',
        wanneer: '2016-06-22',
        tijdVan: '09:30',
        tijdTot: '11:30',
        waar: 'Norschoten in Barneveld',
      })
      expect(byText.get('Aanpassing subsidieregeling extramurale behandeling')?.meta).toMatchObject({
        tag: 'regelruimte',
        regeling: 'Subsidieregeling extramurale behandeling',
        gevraagdeRuimte: 'Zonder CIZ-indicatie declareren',
        adressaat: 'VWS',
        indiener: 'Norschoten',
        status: 'ingediend',
      })
      // Links and votes are not text: everything else comes back, trace lines are not doubled as stickies.
      expect(stickies).toHaveLength(original.stickyCount)
      expect(stickies.some((s) => s.text.startsWith('Volgt uit') || s.text.startsWith('Rust op'))).toBe(false)
    }
  })

  for (const name of ['so-in-de-eerstelijn-2016-06', 'workshop-huisarts-in-the-lead-2016-08']) {
    it(`[I13][I9] ${name}: importing our own .md or .docx export gives the same Markdown again`, async () => {
      const { readFileSync } = await import('node:fs')
      const { renderDocx } = await import('../../server/verslag/render/renderDocx')
      const text = readFileSync(new URL(`../fixtures/verslagen/${name}.txt`, import.meta.url), 'utf8')
      const first = buildVerslag(importVerslag(parseVerslagText(text)).doc)
      const md = renderMarkdown(first)
      expect(renderMarkdown(buildVerslag(importVerslag(parseVerslagText(md)).doc))).toBe(md)
      expect(renderMarkdown(buildVerslag(importVerslag(await parseVerslagDocx(await renderDocx(first))).doc))).toBe(md)
    })
  }

  it('[I11] a .docx that is not a Word file is refused as unreadable', async () => {
    await expect(parseVerslagDocx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow()
  })
})
