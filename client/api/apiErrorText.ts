import { DICTIONARIES, type Language } from '../i18n/dictionaries'
import type { MessageKey } from '../i18n/nl'
import { translate } from '../i18n/translate'
import { ApiRequestError } from './ApiRequestError'

/** A trailing English gloss the server adds to its Dutch messages: "… klopt niet (invalid credentials)". */
const ENGLISH_GLOSS = /\s+\([a-z][a-z0-9 .,'/_-]*\)$/

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(DICTIONARIES.nl, key)
}

/**
 * What to show a user for a failed call, in their language: our own text for
 * the error codes we know, else the server's message (in Dutch without its
 * English gloss); `code` is the status and code, for support.
 */
export function apiErrorText(error: unknown, language: Language): { text: string; code: string | null } {
  if (!(error instanceof ApiRequestError)) return { text: error instanceof Error ? error.message : String(error), code: null }
  if (error.status === 0) return { text: translate(language, 'error.network'), code: null }
  const code = `${error.status} ${error.code}`
  const key = `apiError.${error.code}`
  if (isMessageKey(key)) return { text: translate(language, key), code }
  if (!error.message) return { text: translate(language, 'error.unexpected', { status: error.status }), code }
  return { text: language === 'nl' ? error.message.replace(ENGLISH_GLOSS, '') : error.message, code }
}
