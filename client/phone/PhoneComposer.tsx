import { useState, type FormEvent } from 'react'
import type { DomainSheet } from '../../shared/boardModel'
import { DEFAULT_TAG, type Tag } from '../../shared/tags'
import { ErrorMessage } from '../api/ErrorMessage'
import { useT } from '../i18n/useT'
import { sendSticky } from './sendSticky'
import { TagPicker } from './TagPicker'

const OUTSIDE = ''

function rememberedSheet(sessionId: string): string | null {
  try {
    return localStorage.getItem(`brownpaper.phoneSheet:${sessionId}`)
  } catch {
    return null
  }
}

function rememberSheet(sessionId: string, sheetId: string): void {
  try {
    localStorage.setItem(`brownpaper.phoneSheet:${sessionId}`, sheetId)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Write, pick a tag, pick the sheet, send (SPEC M3, M4). */
export function PhoneComposer({ sessionId, sheets, onSent }: { sessionId: string; sheets: readonly DomainSheet[]; onSent(sent: { private: boolean }): void }) {
  const t = useT()
  const [text, setText] = useState('')
  const [tag, setTag] = useState<Tag>(DEFAULT_TAG)
  const [chosenSheet, setChosenSheet] = useState<string | null>(() => rememberedSheet(sessionId))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [sent, setSent] = useState<{ count: number; private: boolean }>({ count: 0, private: false })

  const sheet = chosenSheet !== null && (chosenSheet === OUTSIDE || sheets.some((s) => s.id === chosenSheet)) ? chosenSheet : (sheets[0]?.id ?? OUTSIDE)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const body = text.trim()
    if (!body || busy) return
    setBusy(true)
    setError(null)
    try {
      const answer = await sendSticky(sessionId, { text: body, tag, ...(sheet ? { sheet } : {}) })
      setText('')
      const held = answer.private === true
      setSent((prev) => ({ count: prev.count + 1, private: held }))
      onSent({ private: held })
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="bp-phone__compose" onSubmit={(e) => void onSubmit(e)} aria-labelledby="phone-compose-title">
      <h2 id="phone-compose-title">{t('phone.compose')}</h2>
      <label className="bp-phone__field">
        <span>{t('phone.text')}</span>
        <textarea name="text" rows={3} maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('phone.textPlaceholder')} />
      </label>
      <TagPicker value={tag} onChange={setTag} name="tag" />
      {sheets.length > 0 && (
        <label className="bp-phone__field">
          <span>{t('phone.sheet')}</span>
          <select
            name="sheet"
            value={sheet}
            onChange={(e) => {
              setChosenSheet(e.target.value)
              rememberSheet(sessionId, e.target.value)
            }}
          >
            {sheets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || t('phone.unnamedSheet')}
              </option>
            ))}
            <option value={OUTSIDE}>{t('phone.outsideSheets')}</option>
          </select>
        </label>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="bp-primary bp-phone__send" disabled={busy || text.trim() === ''}>
        {busy ? t('phone.sending') : t('phone.send')}
      </button>
      <p className="bp-phone__sent" role="status" data-sent={sent.count}>
        {sent.count > 0 ? t(sent.private ? 'phone.sentPrivate' : 'phone.sent') : ''}
      </p>
    </form>
  )
}
