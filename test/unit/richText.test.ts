import { describe, expect, it } from 'vitest'
import { flattenRichText, toRichText } from '../../shared/richText'

describe('richText flattening', () => {
  it('turns paragraphs into lines and keeps marked text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'SO wil ' }, { type: 'text', text: 'zelf', marks: [{ type: 'bold' }] }, { type: 'text', text: ' declareren' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'tweede regel' }] },
      ],
    }
    expect(flattenRichText(doc)).toBe('SO wil zelf declareren\ntweede regel')
  })

  it('keeps hard breaks and empty paragraphs between lines but drops trailing empty ones', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: 'c' }] },
        { type: 'paragraph' },
      ],
    }
    expect(flattenRichText(doc)).toBe('a\nb\n\nc')
  })

  it('reads list items as separate lines', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'een' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'twee' }] }] },
          ],
        },
      ],
    }
    expect(flattenRichText(doc)).toBe('een\ntwee')
  })

  it('returns an empty string for anything that is not rich text', () => {
    expect(flattenRichText(undefined)).toBe('')
    expect(flattenRichText('plain')).toBe('')
    expect(flattenRichText({ type: 'doc', content: [] })).toBe('')
  })

  it('round-trips plain text through toRichText', () => {
    const text = 'Eén financiering\n\nbinnen één domein — “Zvw”'
    expect(flattenRichText(toRichText(text))).toBe(text)
  })
})
