import type { Editor, TLNoteShape, TLShapeId } from 'tldraw'
import type { StickyMeta } from '../../shared/sticky'

type Field = Exclude<keyof StickyMeta, 'tag' | 'author' | 'createdAt' | 'votes' | 'parentStickyId' | 'prose'>

/** Sets (or, for an empty value, removes) one domain field in a note's meta; syncs like any edit. */
export function updateStickyMeta(editor: Editor, id: string, field: Field, value: string): void {
  const note = editor.getShape<TLNoteShape>(id as TLShapeId)
  if (!note || note.type !== 'note') return
  const meta: Record<string, unknown> = { ...note.meta }
  if (value === '') delete meta[field]
  else meta[field] = value
  editor.updateShape<TLNoteShape>({ id: note.id, type: 'note', meta: meta as TLNoteShape['meta'] })
}
