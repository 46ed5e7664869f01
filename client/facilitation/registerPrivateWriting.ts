import type { Editor } from 'tldraw'
import { PRIVATE_TEXT_ID } from '../board/createStickyAtCenter'
import { $privateWriting } from './facilitationAtoms'

/**
 * F6 on the canvas: while this deelnemer writes privately, a note made with
 * tldraw's own tools (the note tool, paste, duplicate) is taken back in the
 * same store change — so nothing reaches the shared doc — and the private
 * tray's text field gets the focus instead.
 */
export function registerPrivateWriting(editor: Editor): () => void {
  return editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note' || !$privateWriting.get()) return
    editor.deleteShape(shape.id)
    const focusTray = () => document.getElementById(PRIVATE_TEXT_ID)?.focus()
    queueMicrotask(() => {
      editor.setCurrentTool('select')
      focusTray()
    })
    // tldraw takes the focus back when the pointer comes up; the tray gets it after that.
    window.addEventListener('pointerup', () => setTimeout(focusTray, 0), { once: true })
  })
}
