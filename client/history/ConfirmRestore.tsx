import { useEffect, useRef } from 'react'
import { useT } from '../i18n/useT'

/**
 * Asks before a restore (it changes the board for everyone). Focus starts on
 * "Annuleren"; Escape cancels; Tab stays inside the dialog.
 */
export function ConfirmRestore({
  version,
  body,
  busy,
  onConfirm,
  onCancel,
}: {
  version: number
  body: string
  busy: boolean
  onConfirm(): void
  onCancel(): void
}) {
  const t = useT()
  const cancel = useRef<HTMLButtonElement>(null)
  const card = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    cancel.current?.focus()
    return () => previous?.focus()
  }, [])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onCancel()
      if (event.key !== 'Tab' || !card.current) return
      const buttons = [...card.current.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
      const first = buttons[0]
      const last = buttons[buttons.length - 1]
      if (!first || !last) return
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [busy, onCancel])

  return (
    <div className="bp-modal" role="alertdialog" aria-modal="true" aria-labelledby="restore-title" aria-describedby="restore-body">
      <div className="bp-card bp-modal__card bp-history__confirm" ref={card}>
        <h2 id="restore-title">{t('history.confirm.title', { version })}</h2>
        <p id="restore-body">{body}</p>
        <div className="bp-form__actions">
          <button type="button" ref={cancel} onClick={onCancel} disabled={busy}>
            {t('history.confirm.no')}
          </button>
          <button type="button" className="bp-primary" onClick={onConfirm} disabled={busy}>
            {busy ? t('history.restoring') : t('history.confirm.yes')}
          </button>
        </div>
      </div>
    </div>
  )
}
