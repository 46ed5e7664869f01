import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import type { DomainBoard } from '../../shared/boardModel'
import { voteCount, type DomainSticky } from '../../shared/sticky'
import { editSticky } from '../../shared/stickyEdits'
import { linkStickiesInDoc, unlinkInDoc } from '../../shared/stickyLinks'
import { TAG_INFO, TAGS, type Tag } from '../../shared/tags'
import { tagHint } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { stickyRights, type BoardWriter } from '../panel/permissions'
import { StickyFields } from '../panel/StickyFields'
import { StickyLinks } from '../panel/StickyLinks'

/**
 * One sticky in the list view: its text and tag edited in place (the text is
 * written when the field loses focus), and behind "Details" the fields of
 * its tag and its links, as in the board's side panel (SPEC M10).
 */
export function ListSticky({ doc, board, sticky, writer }: { doc: Y.Doc; board: DomainBoard; sticky: DomainSticky; writer: BoardWriter }) {
  const t = useT()
  // The write rules (W5–W7, W11) as the side panel applies them.
  const rights = stickyRights(writer, sticky.meta)
  const readOnly = !rights.edit
  const [language] = useLanguage()
  const id = useId()
  const [text, setText] = useState(sticky.text)
  const [open, setOpen] = useState(false)
  // A change from elsewhere replaces the draft unless this field is being edited.
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (!editing) setText(sticky.text)
  }, [sticky.text, editing])

  const commit = () => {
    setEditing(false)
    const next = text.trim()
    if (next && next !== sticky.text) editSticky(doc, sticky.id, { text: next })
    else setText(sticky.text)
  }
  const votes = voteCount(sticky.meta)
  const author = sticky.meta.author

  return (
    <li className="bp-list__sticky" data-sticky={sticky.id} data-tag={sticky.tag} style={{ ['--bp-tag' as string]: TAG_INFO[sticky.tag].hex }}>
      <div className="bp-list__row">
        <label className="bp-list__text">
          <span className="bp-sr-only">{t('list.text')}</span>
          <textarea
            rows={Math.min(6, Math.max(2, Math.ceil(text.length / 60)))}
            value={text}
            readOnly={readOnly}
            maxLength={10_000}
            onFocus={() => setEditing(true)}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur()
              if (e.key === 'Escape') {
                setText(sticky.text)
                setEditing(false)
              }
            }}
          />
        </label>
        <label className="bp-list__tagselect">
          <span className="bp-sr-only">{t('list.tag')}</span>
          <select value={sticky.tag} disabled={readOnly} onChange={(e) => editSticky(doc, sticky.id, { tag: e.target.value as Tag })}>
            {TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {TAG_INFO[tag].symbol} {tagHint(tag, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="bp-list__meta">
        {author && (
          <span>
            {author.name}
            {author.organisation ? ` · ${author.organisation}` : ''}
          </span>
        )}
        {votes > 0 && <span>{t('phone.votesTotal', { count: votes })}</span>}
        <button type="button" className="bp-list__details" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen((v) => !v)}>
          {open ? t('list.hideDetails') : t('list.details')}
        </button>
      </div>
      {open && (
        <div id={`${id}-details`} className="bp-list__detailpane">
          <StickyFields sticky={sticky} readOnly={readOnly} setsStatus={rights.setStatus} onField={(field, value) => editSticky(doc, sticky.id, { fields: { [field]: value } })} />
          <h4>{t('panel.links.title')}</h4>
          <StickyLinks
            board={board}
            sticky={sticky}
            readOnly={!rights.link}
            onLink={(fromId, toId) => linkStickiesInDoc(doc, fromId, toId)}
            onUnlink={(arrowId) => unlinkInDoc(doc, arrowId)}
          />
        </div>
      )}
    </li>
  )
}
