import { useCallback, useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { PrivateSticky } from '../../shared/facilitation'
import { TAG_INFO, TAGS, type Tag } from '../../shared/tags'
import { apiErrorText } from '../api/apiErrorText'
import { $currentTag } from '../board/boardState'
import { newStickySpot, PRIVATE_TEXT_ID } from '../board/createStickyAtCenter'
import { tagLabel } from '../i18n/domainLabels'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { addSticky, deletePrivateSticky, fetchPrivateStickies, sharePrivateStickies } from './facilitationApi'

/**
 * Silent writing (F6, F8): the deelnemer's own stickies, held by the server
 * and shown only here — never in the board's store. New ones go to the
 * sheet in view; "Nu delen" puts them on the board early.
 */
export function PrivateTray({ sessionId, editor, count }: { sessionId: string; editor: Editor | null; count: number }) {
  const t = useT()
  const [language] = useLanguage()
  const current = useValue($currentTag)
  const [stickies, setStickies] = useState<PrivateSticky[]>([])
  const [text, setText] = useState('')
  const [tag, setTag] = useState<Tag>(current)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => setTag(current), [current])

  const refresh = useCallback(async () => {
    try {
      setStickies((await fetchPrivateStickies(sessionId)).stickies)
    } catch (err) {
      setError(err)
    }
  }, [sessionId])
  // Also when the count changes elsewhere (another tab, the phone page).
  useEffect(() => void refresh(), [refresh, count])

  const run = async (task: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await task()
      setError(null)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
      await refresh()
    }
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const trimmed = text.trim()
    if (!trimmed) return
    const sheet = editor ? newStickySpot(editor).frame?.id : undefined
    void run(async () => {
      await addSticky(sessionId, { text: trimmed, tag, ...(sheet ? { sheet } : {}) })
      setText('')
    })
  }

  return (
    <section className="bp-private" aria-labelledby="bp-private-title" data-testid="private-tray">
      <h2 id="bp-private-title">{t('facil.private.title')}</h2>
      <p className="bp-muted">{t('facil.private.hint')}</p>
      <form onSubmit={submit} className="bp-private__form">
        <textarea id={PRIVATE_TEXT_ID} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('facil.private.text')} placeholder={t('facil.private.text')} rows={2} maxLength={10_000} />
        <div className="bp-private__tags" role="radiogroup" aria-label={t('tags.current')}>
          {TAGS.map((x) => (
            <button key={x} type="button" role="radio" aria-checked={x === tag} className={`bp-private__tag${x === tag ? ' is-current' : ''}`} style={{ ['--bp-tag' as string]: TAG_INFO[x].hex }} onClick={() => setTag(x)}>
              {TAG_INFO[x].symbol} {tagLabel(x)}
            </button>
          ))}
        </div>
        <button type="submit" className="bp-button-primary" disabled={busy || !text.trim()} data-testid="private-add">
          {t('facil.private.add')}
        </button>
      </form>
      {error !== null && (
        <p className="bp-error" role="alert">
          {apiErrorText(error, language).text}
        </p>
      )}
      {stickies.length === 0 ? (
        <p className="bp-muted">{t('facil.private.empty')}</p>
      ) : (
        <ul className="bp-private__list">
          {stickies.map((s) => (
            <li key={s.id} className="bp-private__item" style={{ ['--bp-tag' as string]: TAG_INFO[s.tag].hex }} data-private-sticky={s.text}>
              <span className="bp-private__text">
                {TAG_INFO[s.tag].symbol} {s.text}
              </span>
              <button type="button" className="bp-link-button" disabled={busy} onClick={() => void run(() => deletePrivateSticky(sessionId, s.id))}>
                {t('facil.private.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {stickies.length > 0 && (
        <button type="button" disabled={busy} data-testid="private-share" onClick={() => void run(() => sharePrivateStickies(sessionId))}>
          {t('facil.private.shareNow')}
        </button>
      )}
    </section>
  )
}
