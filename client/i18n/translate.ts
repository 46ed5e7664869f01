import { dictionary, type Language } from './dictionaries'
import type { MessageKey } from './nl'

export type MessageParams = Readonly<Record<string, string | number>>

/** The text of `key` in `language` (Dutch while its dictionary loads), with `{name}` placeholders filled from `params`. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = dictionary(language)[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
