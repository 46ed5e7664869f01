import type { Editor, TLShape } from 'tldraw'
import { mayCreateShape, stickyRights } from '../panel/permissions'
import type { StickyMeta } from '../../shared/sticky'
import { $writer } from './boardState'

/** Top-level fields and note props that only place a sticky: anyone who writes may change them (W4). */
const LAYOUT_FIELDS = new Set(['x', 'y', 'rotation', 'index', 'parentId'])
const LAYOUT_PROPS = new Set(['growY', 'fontSizeAdjustment'])

function contentChanged(prev: TLShape, next: TLShape): boolean {
  for (const key of Object.keys(next) as (keyof TLShape)[]) {
    if (LAYOUT_FIELDS.has(key) || key === 'props' || key === 'meta') continue
    if (prev[key] !== next[key]) return true
  }
  const prevProps = prev.props as Record<string, unknown>
  const nextProps = next.props as Record<string, unknown>
  for (const key of Object.keys(nextProps)) {
    if (!LAYOUT_PROPS.has(key) && JSON.stringify(prevProps[key]) !== JSON.stringify(nextProps[key])) return true
  }
  const prevMeta = prev.meta as Record<string, unknown>
  const nextMeta = next.meta as Record<string, unknown>
  // Votes are W8, checked where they are cast; the rest of meta is content.
  const keys = new Set([...Object.keys(prevMeta), ...Object.keys(nextMeta)])
  for (const key of keys) if (key !== 'votes' && JSON.stringify(prevMeta[key]) !== JSON.stringify(nextMeta[key])) return true
  return false
}

/**
 * The canvas offers only what the write rules allow (W17): for a deelnemer,
 * tldraw does not delete or edit another person's sticky, and a sheet, arrow
 * or other shape they draw is taken away again at once (tldraw cannot refuse
 * a creation, so it is undone in the same change and never reaches the doc).
 * Remote changes are left alone.
 */
export function registerWriteGuards(editor: Editor): () => void {
  const rightsOf = (shape: TLShape) => stickyRights($writer.get(), shape.meta as Pick<StickyMeta, 'author'>)
  const offDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note') return
    if (!rightsOf(shape).delete) return false
  })
  const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || prev.type !== 'note') return next
    if (!rightsOf(prev).edit && contentChanged(prev, next)) return prev
    return next
  })
  const offCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'user' && !mayCreateShape($writer.get(), shape.type)) editor.deleteShape(shape.id)
  })
  return () => {
    offDelete()
    offChange()
    offCreate()
  }
}
