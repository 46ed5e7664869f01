import { NoteShapeUtil, useValue, type TLNoteShape } from 'tldraw'
import { TAG_INFO, tagOf } from '../../shared/tags'
import { tagHint, tagLabel } from '../i18n/domainLabels'
import { $highlightTag, $language } from './boardState'

function TagBadge({ shape }: { shape: TLNoteShape }) {
  const tag = tagOf(shape.meta)
  const info = TAG_INFO[tag]
  const language = useValue($language)
  const dimmed = useValue('dimmed', () => {
    const highlight = $highlightTag.get()
    return highlight !== null && highlight !== tag
  }, [tag])
  const scale = shape.props.scale
  return (
    <>
      <div
        className="bp-note-badge"
        data-tag={tag}
        style={{ ['--bp-tag' as string]: info.hex, transform: scale !== 1 ? `scale(${scale})` : undefined }}
        title={tagHint(tag, language)}
      >
        <span className="bp-note-badge__symbol" aria-hidden="true">
          {info.symbol}
        </span>
        {tagLabel(tag)}
      </div>
      {dimmed && <div className="bp-note-dim" data-dimmed="true" />}
    </>
  )
}

/**
 * tldraw's note with the sticky's tag on it as a labelled badge (symbol and
 * word), so that a tag is never told by colour alone; notes of other tags are
 * dimmed while a tag is highlighted.
 */
export class TaggedNoteShapeUtil extends NoteShapeUtil {
  override component(shape: TLNoteShape) {
    return (
      <>
        {super.component(shape)}
        <TagBadge shape={shape} />
      </>
    )
  }
}
