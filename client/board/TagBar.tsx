import { useValue, type Editor } from 'tldraw'
import { TAG_INFO, TAGS, type Tag } from '../../shared/tags'
import { tagHint, tagLabel } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { $currentTag, $highlightTag } from './boardState'
import { countTags } from './countTags'
import { newSticky } from './createStickyAtCenter'
import { NEW_STICKY_KEY } from './shortcuts'

/**
 * The tags: pick the tag of the next sticky (never retags), see how many
 * stickies carry each, highlight one tag (the others are dimmed), add a sticky.
 */
export function TagBar({ editor }: { editor: Editor }) {
  const t = useT()
  const [language] = useLanguage()
  const current = useValue($currentTag)
  const highlight = useValue($highlightTag)
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  const counts = useValue('tag counts', () => countTags(editor.getCurrentPageShapes().filter((s) => s.type === 'note')), [editor])

  // F21: choosing the next sticky's tag never changes an existing sticky (retag: panel, Alt+digit).
  const choose = (tag: Tag) => {
    $currentTag.set(tag)
    editor.focus()
  }
  const toggleHighlight = (tag: Tag) => $highlightTag.set(highlight === tag ? null : tag)

  return (
    <div className="bp-tagbar" role="toolbar" aria-label={t('tags.current')}>
      {!readOnly && (
      <button
        type="button"
        className="bp-tagbar__new"
        style={{ ['--bp-tag' as string]: TAG_INFO[current].hex }}
        onClick={() => {
          newSticky(editor, $currentTag.get())
        }}
        title={`${t('tags.newSticky')}: ${tagHint(current, language)} (${NEW_STICKY_KEY.toUpperCase()})`}
      >
        + {t('tags.newSticky')}
        {/* Which tag the new sticky gets: on a phone the current tag may be scrolled out of sight. */}
        <span className="bp-tagbar__newtag" data-new-tag={current}>
          <span className="bp-tag__symbol" aria-hidden="true">
            {TAG_INFO[current].symbol}
          </span>
          <span className="bp-tagbar__newlabel">{tagLabel(current)}</span>
        </span>
        <kbd>{NEW_STICKY_KEY.toUpperCase()}</kbd>
      </button>
      )}
      <div className="bp-tagbar__tags">
        {TAGS.map((tag) => {
          const info = TAG_INFO[tag]
          return (
            <div key={tag} className={`bp-tag${tag === current ? ' is-current' : ''}${highlight === tag ? ' is-highlighted' : ''}`} style={{ ['--bp-tag' as string]: info.hex }}>
              <button type="button" className="bp-tag__choose" data-tag={tag} aria-pressed={tag === current} onClick={() => choose(tag)} title={t('help.tagKey', { label: tagHint(tag, language) })}>
                <span className="bp-tag__symbol" aria-hidden="true">
                  {info.symbol}
                </span>
                {tagLabel(tag)}
                <kbd>{info.shortcut}</kbd>
              </button>
              <button
                type="button"
                className="bp-tag__count"
                data-tag-count={tag}
                aria-pressed={highlight === tag}
                onClick={() => toggleHighlight(tag)}
                title={`${t('tags.filter')}: ${tagHint(tag, language)}`}
              >
                {counts[tag]}
              </button>
            </div>
          )
        })}
        {highlight !== null && (
          <button type="button" className="bp-tagbar__all" onClick={() => $highlightTag.set(null)}>
            {t('tags.filterAll')}
          </button>
        )}
      </div>
    </div>
  )
}
