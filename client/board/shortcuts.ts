import { tagForShortcut, type Tag } from '../../shared/tags'

/** Key that creates a sticky with the current tag ("s" for sticky; tldraw does not use it). */
export const NEW_STICKY_KEY = 's'
export const HELP_KEY = '?'
/** Key that gives the selected sticky one of your dots during stemmen (Shift+V takes one back; F10). */
export const VOTE_KEY = 'v'
/** Modifier that turns a tag digit into "retag the selection" (F21). Shift+digit is tldraw's zoom. */
export const RETAG_MODIFIER = 'Alt'

/**
 * `tag` only chooses the tag of the next sticky; `retag` gives the selected
 * stickies that tag (F21: never a side effect of choosing).
 */
export type BoardShortcut =
  | { kind: 'vote'; delta: 1 | -1 }
  | { kind: 'newSticky' } | { kind: 'tag'; tag: Tag } | { kind: 'retag'; tag: Tag } | { kind: 'help' }

export interface KeyLike {
  key: string
  /** The physical key ("Digit1"); Alt+1 types "¡" on a Mac, so the retag chord reads the code. */
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey?: boolean
}

/** The board shortcut of a key press, or null. Other modifier chords are left to tldraw and the browser. */
export function boardShortcutOf(event: KeyLike): BoardShortcut | null {
  if (event.ctrlKey || event.metaKey) return null
  if (event.altKey) {
    const digit = /^Digit(\d)$/.exec(event.code ?? '')?.[1] ?? (/^\d$/.test(event.key) ? event.key : null)
    const tag = digit === null || event.shiftKey ? null : tagForShortcut(digit)
    return tag ? { kind: 'retag', tag } : null
  }
  if (event.key === HELP_KEY) return { kind: 'help' }
  if (event.key.toLowerCase() === VOTE_KEY) return { kind: 'vote', delta: event.shiftKey ? -1 : 1 }
  if (event.shiftKey) return null
  if (event.key === NEW_STICKY_KEY) return { kind: 'newSticky' }
  const tag = tagForShortcut(event.key)
  return tag ? { kind: 'tag', tag } : null
}

/** "Alt+1" on Windows and Linux, "⌥1" on a Mac. */
export function retagChord(digit: string, mac: boolean): string {
  return mac ? `⌥${digit}` : `${RETAG_MODIFIER}+${digit}`
}

/** "Ctrl+Z", or "⌘Z" on a Mac. */
export function undoChord(mac: boolean): string {
  return mac ? '⌘Z' : 'Ctrl+Z'
}
