import { TAG_INFO, TAGS, isTag, type NoteColor, type Tag } from '../../shared/tags'

/**
 * Keeps a note's tag and colour in step when one of them changes: a new tag
 * brings its colour; a colour picked in tldraw's style panel brings the tag of
 * that colour, or is put back when no tag has it.
 */
export function reconcileTagAndColor(
  prev: { tag: unknown; color: string },
  next: { tag: unknown; color: string },
): { tag: Tag; color: NoteColor } {
  const nextTag: Tag = isTag(next.tag) ? next.tag : isTag(prev.tag) ? prev.tag : 'opmerking'
  const tagChanged = next.tag !== prev.tag
  if (!tagChanged && next.color !== prev.color) {
    const byColor = TAGS.find((tag) => TAG_INFO[tag].color === next.color)
    if (byColor) return { tag: byColor, color: TAG_INFO[byColor].color }
  }
  return { tag: nextTag, color: TAG_INFO[nextTag].color }
}
