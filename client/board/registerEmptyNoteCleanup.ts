import type { Editor, TLShapeId } from 'tldraw'
import { flattenRichText } from '../../shared/richText'

/**
 * A sticky left without text when its editing ends (a mistaken tap on "Nieuwe
 * sticky", or the text wiped) is removed, as tldraw does for empty text
 * shapes; otherwise it stays on the board as an empty bullet in the verslag.
 * A sticky that arrows point at is kept (its links mean something). Undo
 * brings it back.
 */
export function registerEmptyNoteCleanup(editor: Editor): () => void {
  return editor.sideEffects.registerAfterChangeHandler('instance_page_state', (prev, next) => {
    const id: TLShapeId | null = prev.editingShapeId
    if (!id || next.editingShapeId === id || editor.getIsReadonly()) return
    const shape = editor.getShape(id)
    if (!shape || shape.type !== 'note') return
    if (flattenRichText((shape.props as { richText?: unknown }).richText).trim() !== '') return
    if (editor.getBindingsToShape(id, 'arrow').length > 0) return
    editor.deleteShapes([id])
  })
}
