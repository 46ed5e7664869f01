/**
 * The pure part of erasure (SPEC G2, G3): finding a person in any stored
 * value and replacing them by their pseudonym. A person object (a sticky's
 * author, a participant, a deelnemer: an object with a `name`) whose name is
 * the person's gets the pseudonym as name and loses its organisation; every
 * string elsewhere has the name and the organisation (as whole words,
 * case-insensitively) replaced by the pseudonym. A deelnemer keeps an
 * organisation (the verslag needs one): the pseudonym.
 */
import type { PersonQuery } from '../../shared/privacy'

export interface PersonMatcher {
  /** Whether the text mentions the person. */
  mentions(text: string): boolean
  /** The text with every mention replaced by `pseudonym`. */
  replace(text: string, pseudonym: string): string
  /** Whether a person object's name is the person's. */
  isName(name: string): boolean
}

const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl')
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function personMatcher(query: PersonQuery): PersonMatcher {
  const needles = [query.name, query.organisation].map((s) => s.normalize('NFKC').trim()).filter((s) => s.length > 0)
  // Whole words: "Anna" is not found in "Annastraat"; any run of spaces matches a space.
  const source = needles.map((n) => `(?<![\\p{L}\\p{N}])${n.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`).join('|')
  const pattern = new RegExp(source, 'giu')
  const name = fold(query.name)
  return {
    mentions: (text) => {
      pattern.lastIndex = 0
      return pattern.test(text.normalize('NFKC'))
    },
    replace: (text, pseudonym) => {
      const normalized = text.normalize('NFKC')
      pattern.lastIndex = 0
      return pattern.test(normalized) ? normalized.replace(pattern, pseudonym) : text
    },
    isName: (candidate) => name.length > 0 && fold(candidate) === name,
  }
}

/** How many strings of `value` mention the person (0: not found). */
export function countMentions(value: unknown, matcher: PersonMatcher): number {
  if (typeof value === 'string') return matcher.mentions(value) ? 1 : 0
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countMentions(v, matcher), 0)
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((n: number, v) => n + countMentions(v, matcher), 0)
  return 0
}

/** `value` with the person replaced by `pseudonym`; the same object when nothing changed. */
export function eraseValue<T>(value: T, matcher: PersonMatcher, pseudonym: string, key = ''): T {
  if (typeof value === 'string') return matcher.replace(value, pseudonym) as T
  if (Array.isArray(value)) {
    const out = value.map((v) => eraseValue(v, matcher, pseudonym, key))
    return (out.some((v, i) => v !== value[i]) ? out : value) as T
  }
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  let changed = false
  const out: Record<string, unknown> = {}
  const isPerson = typeof record.name === 'string' && matcher.isName(record.name)
  for (const [k, v] of Object.entries(record)) {
    let next: unknown
    if (isPerson && k === 'name') next = pseudonym
    else if (isPerson && k === 'organisation') next = ''
    else next = eraseValue(v, matcher, pseudonym, k)
    if (next !== v) changed = true
    out[k] = next
  }
  if (key === 'deelnemers' && typeof out.organisation === 'string' && (isPerson || out.organisation !== record.organisation)) {
    // A deelnemer is an organisation with an optional name: the pseudonym stands for both.
    out.organisation = pseudonym
    delete out.name
    changed = true
  }
  return (changed ? out : value) as T
}

/**
 * `matcher` that also finds the person's e-mail addresses (of their
 * accounts: users, account links, failed logins in the audit log), anywhere
 * in a text, case-insensitively; erased, an address becomes the pseudonym.
 */
export function withEmails(matcher: PersonMatcher, emails: readonly string[]): PersonMatcher {
  const needles = [...new Set(emails.map((e) => e.normalize('NFKC').trim()).filter((e) => e.length > 0))]
  if (needles.length === 0) return matcher
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'giu')
  const has = (text: string) => {
    pattern.lastIndex = 0
    return pattern.test(text.normalize('NFKC'))
  }
  return {
    mentions: (text) => has(text) || matcher.mentions(text),
    replace: (text, pseudonym) => {
      const replaced = has(text) ? text.normalize('NFKC').replace(pattern, pseudonym) : text
      return matcher.replace(replaced, pseudonym)
    },
    isName: (candidate) => matcher.isName(candidate),
  }
}
