/**
 * P26: themagroep names are compared after Unicode (NFKC) and whitespace
 * normalisation, case-insensitively: "groep b", "Groep\u00a0B" and
 * " Groep  B " are one themagroep. Shared because the server decides with it
 * (policy, stores) and the start page groups sessions with it.
 */

/** Invisible characters that would make two equal-looking names differ. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

/** The name as displayed and stored for a new themagroep: NFKC, invisible characters removed, one space between words, trimmed. */
export function normalizeThemagroepName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim()
}

/** The key two names are compared by: the normalised name in lower case. */
export function themagroepKey(name: string): string {
  return normalizeThemagroepName(name).toLowerCase()
}

export function sameThemagroep(a: string, b: string): boolean {
  return themagroepKey(a) === themagroepKey(b)
}
