import { createShapeId, type Editor, type TLArrowBinding, type TLShapeId } from 'tldraw'

const bindingProps = (terminal: 'start' | 'end'): TLArrowBinding['props'] => ({
  terminal,
  normalizedAnchor: { x: 0.5, y: 0.5 },
  isExact: false,
  isPrecise: false,
  snap: 'none',
})

/**
 * Links two stickies without drawing: an arrow shape plus its two bindings,
 * made through the editor, so that it syncs and undoes like any edit.
 */
export function linkStickies(editor: Editor, fromId: string, toId: string): TLShapeId | null {
  const from = editor.getShapePageBounds(fromId as TLShapeId)
  const to = editor.getShapePageBounds(toId as TLShapeId)
  if (!from || !to) return null
  const id = createShapeId()
  editor.markHistoryStoppingPoint('link stickies')
  editor.run(() => {
    editor.createShape({
      id,
      type: 'arrow',
      x: from.center.x,
      y: from.center.y,
      props: { start: { x: 0, y: 0 }, end: { x: to.center.x - from.center.x, y: to.center.y - from.center.y } },
    })
    editor.createBindings<TLArrowBinding>([
      { type: 'arrow', fromId: id, toId: fromId as TLShapeId, props: bindingProps('start') },
      { type: 'arrow', fromId: id, toId: toId as TLShapeId, props: bindingProps('end') },
    ])
  })
  return id
}

/** Removes a link: deleting the arrow deletes its bindings. */
export function unlinkStickies(editor: Editor, arrowId: string): void {
  editor.markHistoryStoppingPoint('unlink stickies')
  editor.deleteShapes([arrowId as TLShapeId])
}
