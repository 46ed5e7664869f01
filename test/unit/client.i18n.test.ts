import { describe, expect, it } from 'vitest'
import { dictionary, isDictionaryLoaded, LANGUAGES, loadDictionary } from '../../client/i18n/dictionaries'
import { en } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { translate } from '../../client/i18n/translate'

const DICTIONARIES = { nl, en }

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the UI dictionaries', () => {
  it('[M13] have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.nl).sort())
  })

  it('use the same placeholders for every key in every language, and no empty text', () => {
    for (const key of Object.keys(DICTIONARIES.nl) as (keyof typeof DICTIONARIES.nl)[]) {
      for (const language of LANGUAGES) {
        expect(DICTIONARIES[language][key].trim(), `${language} ${key}`).not.toBe('')
        expect(placeholders(DICTIONARIES[language][key]), `${language} ${key}`).toEqual(placeholders(DICTIONARIES.nl[key]))
      }
    }
  })

  it('keeps domain words Dutch in English (sessie, themagroep)', () => {
    expect(DICTIONARIES.en['create.title']).toContain('sessie')
    expect(DICTIONARIES.en['create.field.themagroep']).toBe('Themagroep')
  })

  it('[M1] loads English on demand (its own chunk): Dutch until then, English after', async () => {
    expect(isDictionaryLoaded('en')).toBe(false)
    expect(translate('en', 'board.participants', { count: 2 })).toBe(nl['board.participants'].replace('{count}', '2'))
    expect(await loadDictionary('en')).toBe(en)
    expect(isDictionaryLoaded('en')).toBe(true)
    expect(dictionary('en')).toBe(en)
  })

  it('fills placeholders and leaves unknown ones visible', async () => {
    await loadDictionary('en')
    expect(translate('nl', 'start.count', { count: 3 })).toBe('3 sessies')
    expect(translate('en', 'board.participants', { count: 2 })).toBe('2 present')
    expect(translate('en', 'board.participants')).toBe('{count} present')
  })
})
