import { describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../client/api/ApiRequestError'
import { apiErrorText } from '../../client/api/apiErrorText'
import { DICTIONARIES } from '../../client/i18n/dictionaries'
import { isImportableFile } from '../../client/verslag/isImportableFile'

describe('API errors shown to a user', () => {
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

  it('drops the English gloss of an unknown code\'s message in Dutch and keeps the message otherwise', () => {
    const error = new ApiRequestError(404, 'sticky_not_found', 'Sticky abc bestaat niet (sticky not found)')
    expect(apiErrorText(error, 'nl').text).toBe('Sticky abc bestaat niet')
    expect(apiErrorText(error, 'en').text).toBe('Sticky abc bestaat niet (sticky not found)')
    const ruled = new ApiRequestError(403, 'forbidden', 'Alleen de themacoördinator [P3]')
    expect(apiErrorText(ruled, 'nl').text).toBe('Alleen de themacoördinator [P3]')
  })

  it('says the server cannot be reached for a network failure, with no code', () => {
    const offline = apiErrorText(new ApiRequestError(0, 'network', 'Failed to fetch'), 'nl')
    expect(offline).toEqual({ text: DICTIONARIES.nl['error.network'], code: null })
  })

  it('falls back to the status when the server sent no message', () => {
    expect(apiErrorText(new ApiRequestError(502, 'bad_gateway', ''), 'en').text).toBe('Unexpected answer from the server (status 502).')
  })
})

describe('files the import dialog accepts', () => {
  it('takes .txt, .md and .docx in any case, and refuses PDF, old .doc and images before uploading', () => {
    for (const name of ['verslag.txt', 'Verslag 2016.DOCX', 'notes.md']) expect(isImportableFile(name), name).toBe(true)
    for (const name of ['verslag.pdf', 'verslag.doc', 'bord.png', 'docx', 'verslag.docx.zip']) expect(isImportableFile(name), name).toBe(false)
  })
})
