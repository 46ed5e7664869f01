import { isMessageKey, type Language } from '../i18n/dictionaries'
import { translate } from '../i18n/translate'
import { ApiRequestError } from './ApiRequestError'

/** A trailing English gloss the server adds to its Dutch messages: "… klopt niet (invalid credentials)". */
const ENGLISH_GLOSS = /\s+\([a-z][a-z0-9 .,'/_-]*\)$/
/** Rule ids the server names for automation ("[P9]"): not for a coördinator's eyes (SPEC M14). */
const RULE_IDS = /\s*\[[A-Z]{1,2}\d+\]/g
/** Codes whose Dutch server message says more than our fixed text (which themagroep, which field). */
const SPECIFIC_IN_DUTCH = new Set(['forbidden'])

/**
 * What to show a user for a failed call, in their language: our own text for
 * the error codes we know, else the server's message (in Dutch without its
 * English gloss); never a rule id or an HTTP status (SPEC M14). `code` is
 * the status and code, kept out of sight (a data attribute) for support.
 */
export function apiErrorText(error: unknown, language: Language): { text: string; code: string | null } {
  if (!(error instanceof ApiRequestError)) return { text: error instanceof Error ? error.message : String(error), code: null }
  if (error.status === 0) return { text: translate(language, 'error.network'), code: null }
  const code = `${error.status} ${error.code}`
  const key = `apiError.${error.code}`
  const dutch = error.message.replace(RULE_IDS, '').replace(ENGLISH_GLOSS, '').trim()
  if (language === 'nl' && dutch && SPECIFIC_IN_DUTCH.has(error.code)) return { text: dutch, code }
  if (isMessageKey(key)) return { text: translate(language, key), code }
  if (!dutch) return { text: translate(language, 'error.unexpected'), code }
  return { text: language === 'nl' ? dutch : error.message.replace(RULE_IDS, '').trim(), code }
}
