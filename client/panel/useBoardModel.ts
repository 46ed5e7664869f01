import { useValue, type Editor } from 'tldraw'
import { readBoard, type DomainBoard, type RecordLike } from '../../shared/boardModel'

/**
 * The board as the verslag reads it (shared/boardModel), live from the
 * editor. Only shapes and arrow bindings feed it, so camera moves and
 * pointer records do not recompute it.
 */
export function useBoardModel(editor: Editor): DomainBoard {
  return useValue(
    'board model',
    () => {
      const shapes = editor.getCurrentPageShapes()
      const bindings = shapes.filter((s) => s.type === 'arrow').flatMap((arrow) => editor.getBindingsFromShape(arrow, 'arrow'))
      return readBoard([...shapes, ...bindings] as unknown as RecordLike[])
    },
    [editor],
  )
}
