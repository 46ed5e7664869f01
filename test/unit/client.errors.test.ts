import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../client/api/ApiRequestError'
import { apiErrorText } from '../../client/api/apiErrorText'
import { loadDictionary } from '../../client/i18n/dictionaries'
import { en } from '../../client/i18n/en'
import { nl } from '../../client/i18n/nl'
import { isImportableFile } from '../../client/verslag/isImportableFile'

const DICTIONARIES = { nl, en }

describe('API errors shown to a user', () => {
  beforeAll(async () => {
    await loadDictionary('en')
  })

  it('shows a known error code in the UI language, without the server\'s mixed Dutch (English) message', () => {
    const error = new ApiRequestError(401, 'invalid_credentials', 'E-mailadres of wachtwoord klopt niet (invalid credentials)')
    const nl = apiErrorText(error, 'nl')
    const en = apiErrorText(error, 'en')
    expect(nl.text).toBe(DICTIONARIES.nl['apiError.invalid_credentials'])
    expect(en.text).toBe(DICTIONARIES.en['apiError.invalid_credentials'])
    expect(nl.text).not.toMatch(/invalid credentials/)
    expect(en.text).not.toMatch(/wachtwoord/)
    expect(nl.code).toBe('401 invalid_credentials')
  })

  it('[M14] drops the English gloss of an unknown code\'s message in Dutch and keeps the message otherwise', () => {
    const error = new ApiRequestError(404, 'something_new', 'Iets bestaat niet (something new)')
    expect(apiErrorText(error, 'nl').text).toBe('Iets bestaat niet')
    expect(apiErrorText(error, 'en').text).toBe('Iets bestaat niet (something new)')
  })

  it('[M14] never shows a rule id: a forbidden call keeps its specific Dutch message without it, and reads as a sentence in English', () => {
    const ruled = new ApiRequestError(403, 'forbidden', 'Je bent geen lid van themagroep "Wijkzorg". [P9]')
    expect(apiErrorText(ruled, 'nl').text).toBe('Je bent geen lid van themagroep "Wijkzorg".')
    expect(apiErrorText(ruled, 'en').text).toBe(DICTIONARIES.en['apiError.forbidden'])
    const unknown = new ApiRequestError(403, 'other_rule', 'Niet toegestaan [W12] (not allowed)')
    expect(apiErrorText(unknown, 'en').text).toBe('Niet toegestaan (not allowed)')
  })

  it('says the server cannot be reached for a network failure, with no code', () => {
    const offline = apiErrorText(new ApiRequestError(0, 'network', 'Failed to fetch'), 'nl')
    expect(offline).toEqual({ text: DICTIONARIES.nl['error.network'], code: null })
  })

  it('[M14] says the answer was unexpected, without its HTTP status, when the server sent no message', () => {
    const text = apiErrorText(new ApiRequestError(502, 'bad_gateway', ''), 'en').text
    expect(text).toBe(DICTIONARIES.en['error.unexpected'])
    expect(text).not.toMatch(/502/)
  })

  it('[M14] has a sentence in both languages for every error code the server throws', () => {
    const codes = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/HttpError\(\s*\d{3},\s*'([a-z_]+)'/g)) codes.add(m[1]!)
      }
    }
    walk(path.resolve(import.meta.dirname, '../../server'))
    expect(codes.size).toBeGreaterThan(10)
    const missing = [...codes].filter((code) => !(`apiError.${code}` in DICTIONARIES.nl) || !(`apiError.${code}` in DICTIONARIES.en))
    expect(missing).toEqual([])
  })
})

describe('files the import dialog accepts', () => {
  it('takes .txt, .md and .docx in any case, and refuses PDF, old .doc and images before uploading', () => {
    for (const name of ['verslag.txt', 'Verslag 2016.DOCX', 'notes.md']) expect(isImportableFile(name), name).toBe(true)
    for (const name of ['verslag.pdf', 'verslag.doc', 'bord.png', 'docx', 'verslag.docx.zip']) expect(isImportableFile(name), name).toBe(false)
  })
})
