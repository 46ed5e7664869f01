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
 * starts editing its text. On a phone, zoomed out to see the sheets, it
 * zooms in on the new sticky first, so that the text being typed is readable.
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
  zoomInToTypeOnPhone(editor, id)
  startEditingShapeWithRichText(editor, id, { selectAll: true })
  return id
}

/** Below these, a sticky's text (12 px at zoom 1) is too small to read while typing on a phone. */
const PHONE_WIDTH = 600
const READABLE_ZOOM = 0.75

function zoomInToTypeOnPhone(editor: Editor, id: TLShapeId): void {
  if (editor.getViewportScreenBounds().w >= PHONE_WIDTH) return
  const bounds = editor.getShapePageBounds(id)
  if (!bounds) return
  if (editor.getZoomLevel() < READABLE_ZOOM) {
    editor.zoomToBounds(bounds, { targetZoom: 1, inset: 24 })
    return
  }
  // Readable already, but maybe half under tldraw's toolbar: bring it to the middle.
  const view = editor.getViewportPageBounds()
  const margin = view.h * 0.2
  const inView = bounds.minX >= view.minX && bounds.maxX <= view.maxX && bounds.minY >= view.minY + margin / 2 && bounds.maxY <= view.maxY - margin
  if (!inView) editor.centerOnPoint(bounds.center)
}
