import { nl, type MessageKey } from './nl'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'nl'

export type Dictionary = Readonly<Record<MessageKey, string>>

/**
 * Dutch is in the entry chunk; English is a chunk of its own, fetched when it
 * is first chosen, so that a phone's first load does not carry it (SPEC M1).
 */
const LOADERS: Readonly<Record<Language, () => Promise<Dictionary>>> = {
  nl: async () => nl,
  en: () => import('./en').then((m) => m.en),
}
const loaded: Partial<Record<Language, Dictionary>> = { nl }

/** The dictionary of `language` once loaded (`loadDictionary`); Dutch until then. */
export function dictionary(language: Language): Dictionary {
  return loaded[language] ?? nl
}

export function isDictionaryLoaded(language: Language): boolean {
  return loaded[language] !== undefined
}

/** Loads the dictionary of `language` (once). */
export async function loadDictionary(language: Language): Promise<Dictionary> {
  return (loaded[language] ??= await LOADERS[language]())
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key)
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}
