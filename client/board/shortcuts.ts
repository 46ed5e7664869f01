import { tagForShortcut, type Tag } from '../../shared/tags'

/** Key that creates a sticky with the current tag ("s" for sticky; tldraw does not use it). */
export const NEW_STICKY_KEY = 's'
export const HELP_KEY = '?'

export type BoardShortcut = { kind: 'newSticky' } | { kind: 'tag'; tag: Tag } | { kind: 'help' }

/** The board shortcut of a key press, or null. Modifier chords are left to tldraw and the browser. */
export function boardShortcutOf(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): BoardShortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  if (event.key === HELP_KEY) return { kind: 'help' }
  if (event.key === NEW_STICKY_KEY) return { kind: 'newSticky' }
  const tag = tagForShortcut(event.key)
  return tag ? { kind: 'tag', tag } : null
}
