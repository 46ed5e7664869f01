import type { Editor, TLNoteShape } from 'tldraw'
import { TAG_INFO, type Tag } from '../../shared/tags'
import { $lastRetag } from './boardState'

/** Gives the selected stickies `tag` (meta.tag and colour); returns how many changed. */
export function retagSelection(editor: Editor, tag: Tag): number {
  // A waarnemer's board is read-only: the server would refuse the change anyway.
  if (editor.getIsReadonly()) return 0
  const notes = editor
    .getSelectedShapes()
    .filter((shape): shape is TLNoteShape => shape.type === 'note' && shape.meta.tag !== tag)
  if (notes.length === 0) return 0
  editor.markHistoryStoppingPoint('retag')
  editor.updateShapes(
    notes.map((note) => ({
      id: note.id,
      type: 'note' as const,
      props: { color: TAG_INFO[tag].color },
      meta: { ...note.meta, tag },
    })),
  )
  $lastRetag.set({ count: notes.length, tag, at: Date.now() })
  return notes.length
}
