import { describe, expect, it } from 'vitest'
import { CHAIN_BOX_WIDTH, CHAIN_COLUMN_GAP, layoutEvidenceChain, wrapText } from '../../shared/evidenceChain'

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the evidence chain as a picture', () => {
  it('[R12] factoren → conclusies → verzoek in three columns, an arrow per link, a shared factor drawn once', () => {
    const layout = layoutEvidenceChain({
      verzoek: 'Aanpassing subsidieregeling extramurale behandeling',
      conclusies: [
        { text: 'Eén financiering binnen één domein', factoren: ['SO heeft geen eigen betaaltitel', 'Twee loketten'] },
        { text: 'Experimenteerruimte nodig', factoren: ['Twee loketten'] },
      ],
      direct: ['Brief van de NZa'],
    })
    const kinds = layout.nodes.map((n) => [n.id, n.kind, n.text])
    expect(kinds).toEqual([
      ['f0', 'factor', 'SO heeft geen eigen betaaltitel'],
      ['f1', 'factor', 'Twee loketten'],
      ['f2', 'factor', 'Brief van de NZa'],
      ['c0', 'conclusie', 'Eén financiering binnen één domein'],
      ['c1', 'conclusie', 'Experimenteerruimte nodig'],
      ['v', 'verzoek', 'Aanpassing subsidieregeling extramurale behandeling'],
    ])
    expect(layout.edges).toEqual([
      { from: 'f0', to: 'c0' },
      { from: 'f1', to: 'c0' },
      { from: 'f1', to: 'c1' },
      { from: 'c0', to: 'v' },
      { from: 'c1', to: 'v' },
      { from: 'f2', to: 'v' },
    ])
    // Columns left to right, no two boxes overlap, everything inside the picture.
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x
    expect([x('f0'), x('c0'), x('v')]).toEqual([0, CHAIN_BOX_WIDTH + CHAIN_COLUMN_GAP, 2 * (CHAIN_BOX_WIDTH + CHAIN_COLUMN_GAP)])
    for (const a of layout.nodes) {
      expect(a.y).toBeGreaterThanOrEqual(0)
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height)
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width)
      for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false)
    }
  })

  it('[R12] a request without conclusies or links stands alone', () => {
    const layout = layoutEvidenceChain({ verzoek: 'Ruimte in de Wlz', conclusies: [], direct: [] })
    expect(layout.nodes.map((n) => n.kind)).toEqual(['verzoek'])
    expect(layout.edges).toEqual([])
    expect(layout.width).toBe(CHAIN_BOX_WIDTH)
  })

  it('[R12] long texts wrap into at most four lines, the last cut with an ellipsis; a long word is cut', () => {
    expect(wrapText('Eén financiering binnen één domein', 28)).toEqual(['Eén financiering binnen één', 'domein'])
    const long = wrapText('woord '.repeat(40), 28)
    expect(long).toHaveLength(4)
    expect(long[3]!.endsWith('…')).toBe(true)
    expect(wrapText('x'.repeat(60), 28)).toEqual(['x'.repeat(28), 'x'.repeat(28), 'xxxx'])
    for (const line of long) expect(line.length).toBeLessThanOrEqual(28)
  })
})
