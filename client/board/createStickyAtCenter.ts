import { Box, createShapeId, startEditingShapeWithRichText, type Editor, type TLFrameShape, type TLShapeId } from 'tldraw'
import { NOTE_SIZE } from '../../shared/records'
import { TAG_INFO, type Tag } from '../../shared/tags'

const STEP = NOTE_SIZE + 20

/** Offsets around the centre, nearest first: the centre, then rings of cells. */
function* candidateOffsets(rings: number): Generator<{ dx: number; dy: number }> {
  yield { dx: 0, dy: 0 }
  for (let r = 1; r <= rings; r++) {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === r) yield { dx: dx * STEP, dy: dy * STEP }
      }
    }
  }
}

/**
 * Creates a sticky with `tag` at the centre of the viewport — inside the sheet
 * (frame) under the centre, if any — on the nearest spot that no other note
 * covers, selects it and starts editing its text.
 */
export function createStickyAtCenter(editor: Editor, tag: Tag): TLShapeId {
  const center = editor.getViewportPageBounds().center
  const frames = editor
    .getCurrentPageShapesSorted()
    .filter((shape): shape is TLFrameShape => shape.type === 'frame')
  const frame = [...frames].reverse().find((f) => editor.getShapePageBounds(f)?.containsPoint(center))
  const frameBounds = frame ? editor.getShapePageBounds(frame) : undefined
  const notes = editor
    .getCurrentPageShapes()
    .filter((shape) => shape.type === 'note')
    .map((shape) => editor.getShapePageBounds(shape))
    .filter((bounds): bounds is Box => bounds !== undefined)

  let spot = new Box(center.x - NOTE_SIZE / 2, center.y - NOTE_SIZE / 2, NOTE_SIZE, NOTE_SIZE)
  for (const { dx, dy } of candidateOffsets(3)) {
    const box = new Box(center.x - NOTE_SIZE / 2 + dx, center.y - NOTE_SIZE / 2 + dy, NOTE_SIZE, NOTE_SIZE)
    if (frameBounds && !frameBounds.contains(box)) continue
    if (notes.some((n) => n.collides(box))) continue
    spot = box
    break
  }

  const id = createShapeId()
  editor.markHistoryStoppingPoint('new sticky')
  editor.run(() => {
    editor.createShape({
      id,
      type: 'note',
      x: spot.x,
      y: spot.y,
      props: { color: TAG_INFO[tag].color },
      meta: { tag },
    })
    if (frame) editor.reparentShapes([id], frame.id)
    editor.select(id)
  })
  startEditingShapeWithRichText(editor, id, { selectAll: true })
  return id
}
