import { describe, expect, it } from 'vitest'
import { columnWidths } from '../../server/verslag/render/columnWidths'

const TEXT_WIDTH = 9866 // A4 less the .docx margins, in twips
const SMALL_CHAR = 107 // 9 pt
const PADDING = 250

describe('table column widths of the Word and PDF verslag', () => {
  it('[V24] the seven-column regelruimte table gives every column room for its longest word, the bold header word included', () => {
    const head = ['Nr.', 'Verzoek', 'Gevraagde ruimte', 'Regeling', 'Adressaat', 'Indiener', 'Status']
    const rows = [
      ['R1', 'Aanpassing van de regeling voor extramurale behandeling\nVolgt uit “Eén financiering binnen één domein”', 'Declareren zonder CIZ-indicatie', 'Subsidieregeling extramurale behandeling', 'VWS', 'Norschoten', 'ingediend'],
      ['R2', 'Ruimte om te experimenteren in de Wlz', '', 'Wlz', 'NZa', '', 'concept'],
    ]
    const widths = columnWidths(head, rows, TEXT_WIDTH, SMALL_CHAR, PADDING)
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH)
    const longest = (i: number) => Math.max(...rows.map((r) => r[i]!).flatMap((t) => t.split(/\s+/)).map((w) => w.length))
    head.forEach((h, i) => {
      const headerWord = Math.max(...h.split(/\s+/).map((w) => w.length)) * 1.125
      expect(widths[i]!, h).toBeGreaterThanOrEqual(Math.floor(Math.max(headerWord, longest(i)) * SMALL_CHAR + PADDING) - 1)
    })
    // The column with the most text gets the most room beyond its longest word.
    expect(widths[1]!).toBeGreaterThan(widths[4]!)
  })

  it('[V24] an empty "Wie" stays narrow beside a long afspraak', () => {
    const widths = columnWidths(['Afspraak', 'Wie', 'Wanneer', 'Waar'], [['Een lange afspraak over het rekenmodel van de bekostiging en wie het uitwerkt', '', '22 juni 2016', '']], TEXT_WIDTH, 125, 280)
    expect(widths[0]!).toBeGreaterThan(widths[1]! * 3)
  })
})
