import { useState } from 'react'
import { TAG_INFO, type Tag } from '../../shared/tags'
import { tagLabel } from '../i18n/domainLabels'
import { useT } from '../i18n/useT'
import { TagPicker } from './TagPicker'

export interface OwnStickyView {
  id: string
  text: string
  tag: Tag
  /** Held by the server during stil-schrijven, seen by nobody else yet (F6). */
  private: boolean
}

/** One of my stickies: read, or edited in place (text and tag, SPEC M5). */
export function OwnSticky({
  sticky,
  sheetName,
  readOnly,
  onSave,
}: {
  sticky: OwnStickyView
  sheetName: string | null
  readOnly: boolean
  onSave(changes: { text?: string; tag?: Tag }): void
}) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(sticky.text)
  const [tag, setTag] = useState<Tag>(sticky.tag)

  const save = () => {
    const next = text.trim()
    if (!next) return
    onSave({ ...(next !== sticky.text ? { text: next } : {}), ...(tag !== sticky.tag ? { tag } : {}) })
    setEditing(false)
  }

  if (editing) {
    return (
      <li className="bp-phone__sticky is-editing" data-sticky={sticky.id} style={{ ['--bp-tag' as string]: TAG_INFO[tag].hex }}>
        <label className="bp-phone__field">
          <span>{t('phone.text')}</span>
          <textarea rows={3} value={text} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
        </label>
        <TagPicker value={tag} onChange={setTag} name={`tag-${sticky.id}`} />
        <div className="bp-phone__actions">
          <button type="button" className="bp-primary" onClick={save} disabled={text.trim() === ''}>
            {t('phone.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setText(sticky.text)
              setTag(sticky.tag)
              setEditing(false)
            }}
          >
            {t('phone.cancel')}
          </button>
        </div>
      </li>
    )
  }
  return (
    <li className="bp-phone__sticky" data-sticky={sticky.id} data-tag={sticky.tag} data-private={sticky.private || undefined} style={{ ['--bp-tag' as string]: TAG_INFO[sticky.tag].hex }}>
      <p className="bp-phone__stickytag">
        <span aria-hidden="true">{TAG_INFO[sticky.tag].symbol}</span> {tagLabel(sticky.tag)}
        {sheetName !== null && <span className="bp-muted"> · {sheetName}</span>}
        {sticky.private && <span className="bp-phone__private"> · {t('phone.private')}</span>}
      </p>
      <p className="bp-phone__stickytext">{sticky.text}</p>
      {!readOnly && (
        <button
          type="button"
          className="bp-phone__edit"
          onClick={() => {
            setText(sticky.text)
            setTag(sticky.tag)
            setEditing(true)
          }}
        >
          {t('phone.edit')}
        </button>
      )}
    </li>
  )
}
