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

  it('[R15] a conclusie taken over from earlier sessions: each earlier conclusie left of the one it became, its factors left of it, every box naming its session', () => {
    const layout = layoutEvidenceChain({
      verzoek: 'Aanpassing subsidieregeling',
      session: 'Sessie 3',
      conclusies: [
        {
          text: 'Eén financiering',
          factoren: ['Nieuwe cijfers'],
          herkomst: [
            { session: 'Sessie 2', text: 'Eén financiering binnen één domein', factoren: [] },
            { session: 'Sessie 1', text: 'Eén financiering binnen één domein', factoren: ['Twee loketten', 'Geen betaaltitel'] },
          ],
        },
      ],
      direct: [],
    })
    const at = (id: string) => layout.nodes.find((n) => n.id === id)!
    const column = (id: string) => at(id).x / (CHAIN_BOX_WIDTH + CHAIN_COLUMN_GAP)
    // Sessie 1's factors → Sessie 1's conclusie → Sessie 2's → Sessie 3's (with its own factor beside Sessie 2's) → the request.
    expect(layout.nodes.map((n) => [n.id, n.kind, n.session, column(n.id)])).toEqual([
      ['f1', 'factor', 'Sessie 1', 0],
      ['f2', 'factor', 'Sessie 1', 0],
      ['h1', 'conclusie', 'Sessie 1', 1],
      ['f0', 'factor', 'Sessie 3', 2],
      ['h0', 'conclusie', 'Sessie 2', 2],
      ['c0', 'conclusie', 'Sessie 3', 3],
      ['v', 'verzoek', 'Sessie 3', 4],
    ])
    expect(layout.edges).toEqual([
      { from: 'f0', to: 'c0' },
      { from: 'c0', to: 'v' },
      { from: 'h0', to: 'c0', kind: 'herkomst' },
      { from: 'h1', to: 'h0', kind: 'herkomst' },
      { from: 'f1', to: 'h1' },
      { from: 'f2', to: 'h1' },
    ])
    // Every arrow points right; nothing overlaps; a named box is one line taller than the same text unnamed.
    for (const e of layout.edges) expect(at(e.from).x).toBeLessThan(at(e.to).x)
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false)
    const plain = layoutEvidenceChain({ verzoek: 'Aanpassing subsidieregeling', session: 'Sessie 3', conclusies: [], direct: [] })
    expect(plain.nodes[0]!.session).toBeUndefined()
    expect(at('v').height).toBe(plain.nodes[0]!.height + 16)
  })

  it('[R15] the same factor text in two sessions is two boxes; within one session one', () => {
    const layout = layoutEvidenceChain({
      verzoek: 'V',
      session: 'Sessie 2',
      conclusies: [
        { text: 'C', factoren: ['Twee loketten'], herkomst: [{ session: 'Sessie 1', text: 'C', factoren: ['Twee loketten'] }] },
        { text: 'D', factoren: ['Twee loketten'] },
      ],
      direct: [],
    })
    expect(layout.nodes.filter((n) => n.text === 'Twee loketten').map((n) => n.session)).toEqual(['Sessie 1', 'Sessie 2'])
  })
})
