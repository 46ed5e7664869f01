import type { Editor, TLNoteShape, TLShape } from 'tldraw'
import { isTag, TAG_INFO } from '../../shared/tags'
import { mayWrite } from '../../shared/writeRules'
import { $author, $currentTag, $writer } from './boardState'
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
    const writer = $writer.get()
    // W9: a copy or a new sticky is the writer's own, made now; organisers may keep
    // the author of a sticky they bring back (undo). W7, W8: no status, no votes of others.
    const keepsAuthor = writer === 'everything' || (typeof writer === 'object' && mayWrite(writer.role, 'authorship', false))
    const meta: Record<string, unknown> = { ...shape.meta, tag }
    if (author && !(keepsAuthor && meta.author !== undefined)) {
      meta.author = { ...author }
      meta.createdAt = new Date().toISOString()
    } else if (typeof meta.createdAt !== 'string') meta.createdAt = new Date().toISOString()
    if (typeof writer === 'object') {
      const votes = meta.votes as Record<string, number> | undefined
      if (votes) {
        const own = votes[writer.id]
        if (own === undefined) delete meta.votes
        else meta.votes = { [writer.id]: own }
      }
      if (!mayWrite(writer.role, 'setStatus', false) && meta.status !== undefined) delete meta.status
    }
    return {
      ...shape,
      props: { ...shape.props, color: TAG_INFO[tag].color },
      meta: meta as typeof shape.meta,
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
