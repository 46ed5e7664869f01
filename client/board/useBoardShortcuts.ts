import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import { $currentTag } from './boardState'
import { $facilitation } from '../facilitation/facilitationAtoms'
import { vote } from '../facilitation/votes'
import { newSticky } from './createStickyAtCenter'
import { retagSelection } from './retagShapes'
import { boardShortcutOf } from './shortcuts'

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The board's own keys: digits choose the tag of the next sticky, Alt+digit
 * retags the selection, `s` adds a sticky with the current tag, `?` toggles the help.
 * Ignored while typing (in a sticky or a form field) and while a dialog is open.
 */
export function useBoardShortcuts(editor: Editor | null, onToggleHelp: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!editor || !enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return
      if (editor.getEditingShapeId() !== null) return
      const shortcut = boardShortcutOf(event)
      if (!shortcut) return
      // V is tldraw's select tool, except during stemmen with a sticky selected (F10).
      if (shortcut.kind === 'vote' && ($facilitation.get().phase !== 'stemmen' || editor.getOnlySelectedShape()?.type !== 'note')) return
      event.preventDefault()
      event.stopPropagation()
      if (shortcut.kind === 'help') onToggleHelp()
      // F21: a digit only chooses the next sticky's tag; Alt+digit retags the selection.
      else if (shortcut.kind === 'tag') $currentTag.set(shortcut.tag)
      else if (shortcut.kind === 'retag') retagSelection(editor, shortcut.tag)
      else if (shortcut.kind === 'vote') {
        const selected = editor.getOnlySelectedShape()
        if (selected?.type === 'note') void vote(selected.id, shortcut.delta)
      }
      else if (!editor.getIsReadonly()) {
        newSticky(editor, $currentTag.get())
      }
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [editor, onToggleHelp, enabled])
}
