import { SESSION_TYPE_LABEL, type SessionType } from '../../shared/session'
import { TAG_INFO, type Tag } from '../../shared/tags'
import type { Language } from './dictionaries'

/**
 * Domain words stay Dutch in every UI language (tags, session types are
 * glossary words); English readers get the gloss as a hint.
 */
export function tagLabel(tag: Tag): string {
  return TAG_INFO[tag].label.nl
}

export function tagHint(tag: Tag, language: Language): string {
  return language === 'nl' ? TAG_INFO[tag].label.nl : `${TAG_INFO[tag].label.nl} (${TAG_INFO[tag].label.en.toLowerCase()})`
}

export function sessionTypeLabel(type: SessionType): string {
  return SESSION_TYPE_LABEL[type].nl
}
