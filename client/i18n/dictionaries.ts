import { en } from './en'
import { nl, type MessageKey } from './nl'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'nl'

export const DICTIONARIES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { nl, en }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}
