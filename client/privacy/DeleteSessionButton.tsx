import { useState } from 'react'
import { z } from 'zod'
import { ErrorMessage } from '../api/ErrorMessage'
import { apiFetch } from '../api/apiFetch'
import { useT } from '../i18n/useT'
import { navigate } from '../router/navigate'

/** G6: a coördinator deletes the session with everything it left behind, after confirming. */
export function DeleteSessionButton({ sessionId }: { sessionId: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const remove = () => {
    setBusy(true)
    apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}`, z.unknown(), { method: 'DELETE' }).then(
      () => navigate('/'),
      (err: unknown) => {
        setBusy(false)
        setError(err)
      },
    )
  }
  return (
    <>
      <button type="button" className="bp-delete-session" onClick={() => setOpen(true)}>
        {t('privacy.deleteSession')}
      </button>
      {open && (
        <div className="bp-privacy__confirm bp-delete-session__confirm" role="alertdialog" aria-label={t('privacy.deleteSession')}>
          <p>{t('privacy.deleteSessionConfirm')}</p>
          {error !== null && <ErrorMessage error={error} />}
          <button type="button" className="bp-danger" disabled={busy} onClick={remove}>
            {t('privacy.deleteSessionYes')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('privacy.cancel')}
          </button>
        </div>
      )}
    </>
  )
}
