import { useEffect, useState } from 'react'
import type { AccountLinkInfo } from '../../shared/accounts'
import { ErrorMessage } from '../api/ErrorMessage'
import { useSubmit } from '../api/useSubmit'
import { PageHeader } from '../layout/PageHeader'
import { useT } from '../i18n/useT'
import { fetchAccountLink, redeemAccountLink } from './accountsApi'
import { NewPasswordField } from './NewPasswordField'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; info: AccountLinkInfo }

/** `/account/nieuw?token=…`: makes an invited account, or sets a new password from a reset link (SPEC U3, U10). */
export function AccountLinkPage({ token }: { token: string }) {
  const t = useT()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  useEffect(() => {
    fetchAccountLink(token).then(
      (info) => setState({ status: 'ready', info }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [token])
  const { busy, error, onSubmit } = useSubmit(async () => {
    await redeemAccountLink({ token, password, ...(state.status === 'ready' && state.info.purpose === 'invite' ? { name } : {}) })
    location.assign('/')
  })
  const role = (r: string) => t(r === 'coordinator' ? 'accounts.roleCoordinator' : 'accounts.roleSecretariaat')
  return (
    <div className="bp-start">
      <PageHeader />
      <main className="bp-join">
        {state.status === 'loading' && <p>{t('app.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} />}
        {state.status === 'ready' && (
          <form className="bp-card bp-form" onSubmit={onSubmit} aria-labelledby="account-link-title">
            <h2 id="account-link-title">{t(state.info.purpose === 'invite' ? 'accountLink.inviteTitle' : 'accountLink.resetTitle')}</h2>
            <p className="bp-muted">
              {state.info.purpose === 'invite'
                ? t('accountLink.inviteBody', { role: role(state.info.role), themagroepen: state.info.themagroepen.join(', '), email: state.info.email })
                : t('accountLink.resetBody', { email: state.info.email })}
            </p>
            {state.info.purpose === 'invite' && (
              <label>
                <span>{t('identity.name')}</span>
                <input name="name" required maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
              </label>
            )}
            <input type="hidden" name="email" autoComplete="username" value={state.info.email} readOnly />
            <NewPasswordField name="password" label={t('password.new')} hintId="account-link-hint" value={password} onChange={setPassword} />
            {error !== null && <ErrorMessage error={error} />}
            <button type="submit" className="bp-primary" disabled={busy}>
              {busy ? t('create.submitting') : t(state.info.purpose === 'invite' ? 'accountLink.submitInvite' : 'accountLink.submitReset')}
            </button>
          </form>
        )}
      </main>
    </div>
  )
}
