import { createShapeId, startEditingShapeWithRichText, type Editor, type TLFrameShape, type TLShape, type TLShapeId } from 'tldraw'
import { chooseSheet, freeCells, type Box } from '../../shared/placement'
import { TAG_INFO, type Tag } from '../../shared/tags'
import { $privateWriting } from '../facilitation/facilitationAtoms'
import { $author } from './boardState'
import { stickySpot, type Rect } from './stickySpot'

function pageRect(editor: Editor, shape: TLShape): Rect | null {
  const bounds = editor.getShapePageBounds(shape)
  return bounds ? { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } : null
}

/** The sheet of the newest sticky this author made, if any (F20: "the one they last used"). */
function lastUsedSheet(editor: Editor, frames: readonly TLFrameShape[]): string | null {
  const authorId = $author.get()?.id
  if (!authorId) return null
  const frameIds = new Set<string>(frames.map((f) => f.id))
  let newest = ''
  let sheet: string | null = null
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type !== 'note' || !frameIds.has(shape.parentId)) continue
    const meta = shape.meta as { author?: { id?: unknown }; createdAt?: unknown }
    const created = typeof meta.createdAt === 'string' ? meta.createdAt : ''
    if (meta.author?.id === authorId && created >= newest) {
      newest = created
      sheet = shape.parentId
    }
  }
  return sheet
}

/**
 * Where a new sticky goes (F20): into the sheet in view (else the author's
 * last used, else the first), in its first free grid cell — the same
 * function the server uses — growing the sheet when it is full. Only a board
 * without sheets places it on the page, on the free spot nearest the centre.
 */
export function newStickySpot(editor: Editor): { frame: TLFrameShape | null; x: number; y: number; growTo: number | null } {
  const viewport = editor.getViewportPageBounds()
  const shapes = editor.getCurrentPageShapesSorted()
  const frames = shapes.filter((shape): shape is TLFrameShape => shape.type === 'frame' && shape.parentId === editor.getCurrentPageId())
  const sheets = frames.map((f) => ({ id: f.id as string, ...(pageRect(editor, f) ?? { x: f.x, y: f.y, w: f.props.w, h: f.props.h }) }))
  const chosen = chooseSheet({ sheets, viewport: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h }, lastUsed: lastUsedSheet(editor, frames) })
  const frame = frames.find((f) => f.id === chosen) ?? null
  if (frame) {
    const children: Box[] = editor.getSortedChildIdsForParent(frame.id).flatMap((id) => {
      const child = editor.getShape(id)
      if (!child) return []
      const bounds = editor.getShapeGeometry(child).bounds
      return [{ x: child.x, y: child.y, w: bounds.w, h: bounds.h }]
    })
    const { cells, height } = freeCells({ w: frame.props.w, h: frame.props.h }, children)
    return { frame, x: cells[0]!.x, y: cells[0]!.y, growTo: height > frame.props.h ? height : null }
  }
  const rects = (list: TLShape[]) => list.map((s) => pageRect(editor, s)).filter((r): r is Rect => r !== null)
  const spot = stickySpot({
    center: viewport.center,
    viewport: { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h },
    sheet: null,
    notes: rects(shapes.filter((s) => s.type === 'note')),
    sheets: rects(frames),
  })
  return { frame: null, x: spot.x, y: spot.y, growTo: null }
}

/**
 * Creates a sticky with `tag` where newStickySpot says, selects it and starts
 * editing its text; brings it into view when it landed outside it. On a
 * phone, zoomed out to see the sheets, it zooms in on the new sticky first,
 * so that the text being typed is readable.
 */
export function createStickyAtCenter(editor: Editor, tag: Tag): TLShapeId {
  const spot = newStickySpot(editor)
  const id = createShapeId()
  editor.markHistoryStoppingPoint('new sticky')
  editor.run(() => {
    if (spot.frame && spot.growTo !== null) editor.updateShape<TLFrameShape>({ id: spot.frame.id, type: 'frame', props: { h: spot.growTo } })
    editor.createShape({
      id,
      type: 'note',
      ...(spot.frame ? { parentId: spot.frame.id } : {}),
      x: spot.x,
      y: spot.y,
      props: { color: TAG_INFO[tag].color },
      meta: { tag },
    })
    editor.select(id)
  })
  bringIntoView(editor, id)
  startEditingShapeWithRichText(editor, id, { selectAll: true })
  return id
}

/** Below these, a sticky's text (12 px at zoom 1) is too small to read while typing on a phone. */
const PHONE_WIDTH = 600
const READABLE_ZOOM = 0.75

function bringIntoView(editor: Editor, id: TLShapeId): void {
  const bounds = editor.getShapePageBounds(id)
  if (!bounds) return
  const phone = editor.getViewportScreenBounds().w < PHONE_WIDTH
  if (phone && editor.getZoomLevel() < READABLE_ZOOM) {
    editor.zoomToBounds(bounds, { targetZoom: 1, inset: 24 })
    return
  }
  // Readable already, but maybe out of view or (on a phone) half under tldraw's toolbar: bring it to the middle.
  const view = editor.getViewportPageBounds()
  const margin = phone ? view.h * 0.2 : 0
  const inView = bounds.minX >= view.minX && bounds.maxX <= view.maxX && bounds.minY >= view.minY + margin / 2 && bounds.maxY <= view.maxY - margin
  if (!inView) editor.centerOnPoint(bounds.center)
}

/** The id of the private tray's text field (client/facilitation/PrivateTray.tsx). */
export const PRIVATE_TEXT_ID = 'bp-private-text'

/**
 * "New sticky" from the button or the key: on the board, or — while this
 * deelnemer writes privately (F6) — into the private tray's text field.
 */
export function newSticky(editor: Editor, tag: Tag): TLShapeId | null {
  if ($privateWriting.get()) {
    document.getElementById(PRIVATE_TEXT_ID)?.focus()
    return null
  }
  return createStickyAtCenter(editor, tag)
}
