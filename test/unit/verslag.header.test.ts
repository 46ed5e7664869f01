import { describe, expect, it } from 'vitest'
import { readSessionInfo, writeSessionInfo } from '../../shared/ydoc'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { renderMarkdown } from '../../server/verslag/render/renderMarkdown'

const LONG_TITLE =
  'Waarom de bekostiging van de specialist ouderengeneeskunde buiten het verpleeghuis nog altijd niet geregeld is, en wat de themagroep daaraan wil doen in de komende twee jaar'

describe('Header fields only when found (V22)', () => {
  it('[V22][I4] a text that is no verslag keeps its own title in full as the heading, not repeated, with no invented themagroep or type', () => {
    const { doc } = importVerslag(parseVerslagText(`${LONG_TITLE}\n\nEen eerste alinea die uitlegt waar het om gaat, lang genoeg om tekst te zijn.\n`))
    const v = buildVerslag(doc)
    expect(v.heading).toBe(LONG_TITLE)
    const md = renderMarkdown(v)
    expect(md.split(LONG_TITLE)).toHaveLength(2)
    expect(md).not.toMatch(/Verslag:|Themagroep|Soort bijeenkomst|Onbekend|Brownpapersessie/)
  })

  it('[V22] a field the import left open appears once someone sets it; a themagroep chosen at import shows at once', () => {
    const { doc } = importVerslag(parseVerslagText('Notitie\n\nEen tekst zonder gegevens over de bijeenkomst, met genoeg woorden.\n'), { fallbackThemagroep: 'Eigen groep' })
    expect(buildVerslag(doc).themagroep).toBe('')
    writeSessionInfo(doc, { ...readSessionInfo(doc)!, themagroep: 'Wijkverpleging', type: 'workshop' })
    const v = buildVerslag(doc)
    expect([v.themagroep, v.typeLabel]).toEqual(['Wijkverpleging', 'Workshop'])
    const chosen = importVerslag(parseVerslagText('Notitie\n\nTekst.\n'), { themagroep: 'Gekozen groep' })
    expect(buildVerslag(chosen.doc).themagroep).toBe('Gekozen groep')
  })

  it('[V22][I5] the date and place of the meeting are read from a sentence; a verslag title keeps its "Verslag" heading', () => {
    const text = 'Verslag themabijeenkomst Wijkzorg\n\nOp 14 maart 2024 vond de derde bijeenkomst van de themagroep plaats in Amersfoort. Twaalf organisaties waren aanwezig; Zorgverzekeraars Nederland heeft zich afgemeld.\n\nTerugblik\n\nTekst.\n'
    const { info, doc } = importVerslag(parseVerslagText(text))
    expect(info).toMatchObject({ date: '2024-03-14', place: 'Amersfoort', type: 'themabijeenkomst', afgemeld: ['Zorgverzekeraars Nederland'] })
    expect(buildVerslag(doc).heading).toBe('Verslag themabijeenkomst Wijkzorg')
  })

  it('[V22] a date in a sentence without a year and no other date gives no date; a sentence without a meeting word gives none either', () => {
    expect(importVerslag(parseVerslagText('Notitie\n\nOp 14 maart vond de bijeenkomst plaats in Zwolle.\n')).info.date).toBeUndefined()
    expect(importVerslag(parseVerslagText('Notitie\n\nDe wet gaat in op 1 januari 2025 voor iedereen.\n')).info.date).toBeUndefined()
  })
})
