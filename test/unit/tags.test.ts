import { describe, expect, it } from 'vitest'
import { DEFAULT_TAG, TAG_INFO, TAGS, tagForShortcut, tagOf } from '../../shared/tags'

describe('the tag model', () => {
  it('gives every tag its own colour, symbol and shortcut', () => {
    for (const field of ['color', 'symbol', 'shortcut', 'hex'] as const) {
      const values = TAGS.map((t) => TAG_INFO[t][field])
      expect(new Set(values).size, field).toBe(TAGS.length)
    }
  })

  it('has a Dutch and an English label for every tag', () => {
    for (const tag of TAGS) {
      expect(TAG_INFO[tag].label.nl.length).toBeGreaterThan(0)
      expect(TAG_INFO[tag].label.en.length).toBeGreaterThan(0)
      expect(TAG_INFO[tag].tag).toBe(tag)
    }
  })

  it('reads an untagged or unknown meta as opmerking', () => {
    expect(tagOf({})).toBe(DEFAULT_TAG)
    expect(tagOf(null)).toBe('opmerking')
    expect(tagOf({ tag: 'nonsense' })).toBe('opmerking')
    expect(tagOf({ tag: 'belemmerend' })).toBe('belemmerend')
  })

  it('maps each shortcut key back to its tag and nothing else', () => {
    for (const tag of TAGS) expect(tagForShortcut(TAG_INFO[tag].shortcut)).toBe(tag)
    expect(tagForShortcut('x')).toBeUndefined()
  })
})
