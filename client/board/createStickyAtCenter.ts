import { createShapeId, startEditingShapeWithRichText, type Editor, type TLFrameShape, type TLShape, type TLShapeId } from 'tldraw'
import { TAG_INFO, type Tag } from '../../shared/tags'
import { stickySpot, type Rect } from './stickySpot'

function pageRect(editor: Editor, shape: TLShape): Rect | null {
  const bounds = editor.getShapePageBounds(shape)
  return bounds ? { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } : null
}

/**
 * Creates a sticky with `tag` at the centre of the viewport — inside the sheet
 * (frame) under the centre, if any — on the nearest free spot, selects it and
 * starts editing its text.
 */
export function createStickyAtCenter(editor: Editor, tag: Tag): TLShapeId {
  const viewport = editor.getViewportPageBounds()
  const center = viewport.center
  const shapes = editor.getCurrentPageShapesSorted()
  const frames = shapes.filter((shape): shape is TLFrameShape => shape.type === 'frame')
  const frame = [...frames].reverse().find((f) => editor.getShapePageBounds(f)?.containsPoint(center)) ?? null
  const rects = (list: TLShape[]) => list.map((s) => pageRect(editor, s)).filter((r): r is Rect => r !== null)
  const spot = stickySpot({
    center,
    viewport: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h },
    sheet: frame ? pageRect(editor, frame) : null,
    notes: rects(shapes.filter((s) => s.type === 'note')),
    sheets: rects(frames),
  })

  const id = createShapeId()
  editor.markHistoryStoppingPoint('new sticky')
  editor.run(() => {
    editor.createShape({ id, type: 'note', x: spot.x, y: spot.y, props: { color: TAG_INFO[tag].color }, meta: { tag } })
    if (frame) editor.reparentShapes([id], frame.id)
    editor.select(id)
  })
  startEditingShapeWithRichText(editor, id, { selectAll: true })
  return id
}
