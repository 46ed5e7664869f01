import { TAG_INFO, TAGS, type Tag } from '../../shared/tags'
import { tagLabel } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'

/**
 * Six large tag buttons (at least 44 px, two columns, all on screen): the
 * tag for the sticky being written. Choosing one changes nothing else (M3).
 */
export function TagPicker({ value, onChange, name }: { value: Tag; onChange(tag: Tag): void; name: string }) {
  const t = useT()
  const [language] = useLanguage()
  return (
    <fieldset className="bp-tagpick">
      <legend>{t('phone.tag')}</legend>
      {TAGS.map((tag) => (
        <button
          key={tag}
          type="button"
          name={name}
          data-tag={tag}
          aria-pressed={tag === value}
          className="bp-tagpick__tag"
          style={{ ['--bp-tag' as string]: TAG_INFO[tag].hex }}
          onClick={() => onChange(tag)}
        >
          <span className="bp-tagpick__symbol" aria-hidden="true">
            {TAG_INFO[tag].symbol}
          </span>
          <span className="bp-tagpick__label">
            {tagLabel(tag)}
            {language === 'en' && <span className="bp-tagpick__gloss">{TAG_INFO[tag].label.en.toLowerCase()}</span>}
          </span>
        </button>
      ))}
    </fieldset>
  )
}
