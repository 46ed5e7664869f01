import { useState } from 'react'
import { completeSetup } from '../api/accessApi'
import { ErrorMessage } from '../api/ErrorMessage'
import { useSubmit } from '../api/useSubmit'
import { PageHeader } from '../layout/PageHeader'
import { useT } from '../i18n/useT'
import { NewPasswordField } from '../accounts/NewPasswordField'

/** `/setup?token=…` (printed by the server on first start): makes the first themacoördinator. */
export function SetupPage({ token }: { token: string }) {
  const t = useT()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    await completeSetup({ token, email, name, password })
    location.assign('/')
  })
  return (
    <div className="bp-start">
      <PageHeader />
      <main className="bp-join">
        <form className="bp-card bp-form" onSubmit={onSubmit} aria-labelledby="setup-title">
          <h2 id="setup-title">{t('setup.title')}</h2>
          <p className="bp-muted">{t('setup.body')}</p>
          <label>
            <span>{t('identity.name')}</span>
            <input name="name" required maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            <span>{t('login.email')}</span>
            <input name="email" type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <NewPasswordField name="password" label={t('login.password')} hintId="setup-password-hint" value={password} onChange={setPassword} />
          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" className="bp-primary" disabled={busy}>
            {busy ? t('create.submitting') : t('setup.submit')}
          </button>
        </form>
      </main>
    </div>
  )
}
