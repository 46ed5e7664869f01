import type { Editor, TLNoteShape, TLShape } from 'tldraw'
import { isTag, TAG_INFO } from '../../shared/tags'
import { $author, $currentTag } from './boardState'
import { reconcileTagAndColor } from './tagColorSync'

const isNote = (shape: TLShape): shape is TLNoteShape => shape.type === 'note'

/**
 * Every note this browser creates (note tool, shortcut, paste, duplicate)
 * gets meta {tag, author, createdAt} and its tag's colour; retagging or
 * recolouring keeps meta.tag and props.color in step. Remote changes are
 * left as they are.
 */
export function registerTagSideEffects(editor: Editor): () => void {
  const offCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isNote(shape)) return shape
    const tag = isTag(shape.meta.tag) ? shape.meta.tag : $currentTag.get()
    const author = $author.get()
    return {
      ...shape,
      props: { ...shape.props, color: TAG_INFO[tag].color },
      meta: {
        ...shape.meta,
        tag,
        ...(shape.meta.author === undefined && author ? { author: { ...author } } : {}),
        ...(typeof shape.meta.createdAt === 'string' ? {} : { createdAt: new Date().toISOString() }),
      },
    }
  })
  const offChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || !isNote(prev) || !isNote(next)) return next
    if (prev.meta.tag === next.meta.tag && prev.props.color === next.props.color) return next
    const { tag, color } = reconcileTagAndColor(
      { tag: prev.meta.tag, color: prev.props.color },
      { tag: next.meta.tag, color: next.props.color },
    )
    if (tag === next.meta.tag && color === next.props.color) return next
    return { ...next, props: { ...next.props, color }, meta: { ...next.meta, tag } }
  })
  return () => {
    offCreate()
    offChange()
  }
}
