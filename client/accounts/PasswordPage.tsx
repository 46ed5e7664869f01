import { useState, type FormEvent } from 'react'
import { ErrorMessage } from '../api/ErrorMessage'
import { SignedInPageHeader } from '../layout/PageHeader'
import { useIdentity } from '../identity/useIdentity'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { changePassword } from './accountsApi'
import { NewPasswordField } from './NewPasswordField'

/** `/account/wachtwoord`: a signed-in account changes its own password (SPEC U9). */
export function PasswordPage() {
  const t = useT()
  const identity = useIdentity()
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setDone(false)
    try {
      await changePassword({ currentPassword, newPassword })
      setDone(true)
      setCurrent('')
      setNew('')
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }
  const me = identity.status === 'ready' ? identity.identity?.me : undefined
  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-join">
        <Link to="/">← {t('board.back')}</Link>
        {identity.status === 'loading' && <p>{t('app.loading')}</p>}
        {identity.status === 'ready' && me?.kind !== 'user' && <p role="alert">{t('password.onlyAccounts')}</p>}
        {me?.kind === 'user' && (
          <form className="bp-card bp-form" onSubmit={onSubmit} aria-labelledby="password-title">
            <h2 id="password-title">{t('password.title')}</h2>
            <p className="bp-muted">{t('password.body')}</p>
            <input type="hidden" name="email" autoComplete="username" value={me.email} readOnly />
            <label>
              <span>{t('password.current')}</span>
              <input name="currentPassword" type="password" required autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
            </label>
            <NewPasswordField name="newPassword" label={t('password.new')} hintId="password-hint" value={newPassword} onChange={setNew} />
            {error !== null && <ErrorMessage error={error} />}
            {done && <p role="status">{t('password.done')}</p>}
            <button type="submit" className="bp-primary" disabled={busy}>
              {busy ? t('create.submitting') : t('password.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  )
}
