import { useState } from 'react'
import { login } from '../api/accessApi'
import { ErrorMessage } from '../api/ErrorMessage'
import { useSubmit } from '../api/useSubmit'
import { useT } from '../i18n/useT'

/** Sign in for themacoördinatoren and secretariaat; participants use their invite link. */
export function LoginForm({ setupPending }: { setupPending: boolean }) {
  const t = useT()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    await login({ email, password })
    location.assign('/')
  })
  return (
    <form className="bp-card bp-form" onSubmit={onSubmit} aria-labelledby="login-title">
      <h2 id="login-title">{t('login.title')}</h2>
      <p className="bp-muted">{t('login.body')}</p>
      {setupPending && <p className="bp-note">{t('login.setupPending')}</p>}
      <label>
        <span>{t('login.email')}</span>
        <input name="email" type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        <span>{t('login.password')}</span>
        <input name="password" type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="bp-primary" disabled={busy}>
        {busy ? t('create.submitting') : t('login.submit')}
      </button>
    </form>
  )
}
