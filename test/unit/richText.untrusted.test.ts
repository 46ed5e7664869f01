import { describe, expect, it } from 'vitest'
import { flattenRichText } from '../../shared/richText'

/** Rich text comes from any client of the board: malformed JSON must give text, never throw. */
describe('flattenRichText on rich text from an untrusted client', () => {
  it('[P15] skips children that are not nodes and keeps the text around them', () => {
    const richText = {
      type: 'doc',
      content: [null, 5, 'x', { type: 'paragraph', content: [null, { type: 'text', text: 'Wel tekst' }, 7] }, { type: 'paragraph', content: 'geen lijst' }, { type: 5 }],
    }
    expect(flattenRichText(richText)).toBe('Wel tekst')
  })

  it('[P15] a nesting deeper than any editor makes does not overflow the stack', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'diep' }
    for (let i = 0; i < 50_000; i++) node = { type: 'paragraph', content: [node] }
    const richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Boven' }] }, node] }
    expect(flattenRichText(richText)).toBe('Boven')
  })
})
