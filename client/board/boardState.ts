import { atom } from 'tldraw'
import type { Author } from '../../shared/sticky'
import { DEFAULT_TAG, type Tag } from '../../shared/tags'
import type { Language } from '../i18n/dictionaries'
import type { BoardWriter } from '../panel/permissions'

/**
 * Board UI state that canvas shapes read reactively (tldraw atoms, so a note
 * re-renders when the highlight changes without React props threading).
 */
export const $currentTag = atom<Tag>('current tag', DEFAULT_TAG)
/** When set, stickies with another tag are dimmed. */
export const $highlightTag = atom<Tag | null>('highlight tag', null)
export const $language = atom<Language>('board language', 'nl')
/** The author stamped on new stickies. */
export const $author = atom<Author | null>('author', null)
/** Who writes on this board, for the write rules the UI follows (W17); 'nothing' until known. */
export const $writer = atom<BoardWriter>('writer', 'nothing')
/** The last retag of selected stickies, shown briefly so a retag by a stray digit does not go unnoticed. */
export const $lastRetag = atom<{ count: number; tag: Tag; at: number } | null>('last retag', null)
