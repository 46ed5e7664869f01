import '../access/access.css'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { AccountRole } from '../../shared/access'
import type { AccountLinkResponse, AccountSummary } from '../../shared/accounts'
import { copyText } from '../access/copyText'
import { ErrorMessage } from '../api/ErrorMessage'
import { SignedInPageHeader } from '../layout/PageHeader'
import { useIdentity } from '../identity/useIdentity'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { fetchAccounts, inviteAccount, makeResetLink, removeMember, setAccountActive } from './accountsApi'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; accounts: AccountSummary[] }

/** `/accounts` for themacoördinatoren (SPEC U1–U11): members, invitations, reset links, removal, switching off. */
export function AccountsPage() {
  const t = useT()
  const [language] = useLanguage()
  const identity = useIdentity()
  const me = identity.status === 'ready' ? identity.identity?.me : undefined
  const myGroups = me?.kind === 'user' ? me.themagroepen : []
  const [state, setState] = useState<State>({ status: 'loading' })
  const [actionError, setActionError] = useState<unknown>(null)
  const [link, setLink] = useState<(AccountLinkResponse & { copied: boolean | null }) | null>(null)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<AccountRole>('secretariaat')
  const [groups, setGroups] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    fetchAccounts().then(
      (accounts) => setState({ status: 'ready', accounts }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [])
  useEffect(load, [load])
  // With one themagroep there is nothing to choose.
  const chosen = groups.length === 0 && myGroups.length === 1 ? [...myGroups] : groups

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    setActionError(null)
    try {
      await action()
      load()
    } catch (cause) {
      setActionError(cause)
    } finally {
      setBusy(false)
    }
  }
  const showLink = (made: AccountLinkResponse) => setLink({ ...made, copied: null })
  const onInvite = (event: FormEvent) => {
    event.preventDefault()
    if (chosen.length === 0) {
      setActionError(new Error(t('accounts.chooseGroup')))
      return
    }
    void act(async () => {
      showLink(await inviteAccount({ email, role, themagroepen: chosen }))
      setEmail('')
    })
  }
  const until = (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  const roleName = (r: AccountRole) => t(r === 'coordinator' ? 'accounts.roleCoordinator' : 'accounts.roleSecretariaat')
  const others = state.status === 'ready' ? state.accounts.filter((a) => me?.kind !== 'user' || a.id !== me.id) : []

  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-audit bp-accounts">
        <Link to="/">← {t('board.back')}</Link>
        <h1>{t('accounts.title')}</h1>
        <p className="bp-muted">{t('accounts.body')}</p>
        {state.status === 'loading' && <p>{t('app.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
        {state.status === 'ready' && others.length === 0 && <p>{t('accounts.empty')}</p>}
        {actionError !== null && <ErrorMessage error={actionError} />}
        {link && (
          <div className="bp-card" role="status" data-testid="account-link">
            <p>{t('accounts.linkReady', { email: link.email, until: until(link.expiresAt) })}</p>
            <input className="bp-accounts__link" readOnly value={link.url} aria-label={link.email} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void copyText(link.url).then((copied) => setLink({ ...link, copied }))}>
              {t('accounts.copy')}
            </button>
            {link.copied !== null && <span>{link.copied ? t('accounts.copied') : t('accounts.copyManually')}</span>}
          </div>
        )}
        {state.status === 'ready' && state.accounts.length > 0 && (
          <table className="bp-audit__table" role="table">
            <thead>
              <tr>
                <th>{t('accounts.name')}</th>
                <th>{t('accounts.email')}</th>
                <th>{t('accounts.role')}</th>
                <th>{t('accounts.themagroepen')}</th>
                <th>{t('accounts.state')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {state.accounts.map((a) => {
                const self = me?.kind === 'user' && me.id === a.id
                return (
                  <tr key={a.id} data-email={a.email} role="row">
                    <td role="cell">
                      {a.name} {self && <span className="bp-muted">{t('accounts.you')}</span>}
                    </td>
                    <td role="cell">{a.email}</td>
                    <td role="cell">{roleName(a.role)}</td>
                    <td role="cell">{a.themagroepen.join(', ')}</td>
                    <td role="cell">{a.active ? t('accounts.active') : t('accounts.inactive')}</td>
                    <td role="cell">
                      {!self && (
                        <div className="bp-accounts__actions">
                          <button type="button" disabled={busy} onClick={() => void act(async () => showLink(await makeResetLink(a.id)))}>
                            {t('accounts.resetLink')}
                          </button>
                          <button
                            type="button"
                            disabled={busy}
                            onClick={() => {
                              if (a.active && !confirm(t('accounts.confirmDeactivate', { name: a.name }))) return
                              void act(() => setAccountActive(a.id, !a.active))
                            }}
                          >
                            {a.active ? t('accounts.deactivate') : t('accounts.reactivate')}
                          </button>
                          {a.themagroepen.map((g) => (
                            <button
                              key={g}
                              type="button"
                              disabled={busy}
                              onClick={() => {
                                if (!confirm(t('accounts.confirmRemove', { name: a.name, themagroep: g }))) return
                                void act(() => removeMember(g, a.id))
                              }}
                            >
                              {t('accounts.remove', { themagroep: g })}
                            </button>
                          ))}
                        </div>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
        <form className="bp-card bp-form" onSubmit={onInvite} aria-labelledby="accounts-invite-title">
          <h2 id="accounts-invite-title">{t('accounts.inviteTitle')}</h2>
          <p className="bp-muted">{t('accounts.inviteBody')}</p>
          {myGroups.length === 0 && identity.status === 'ready' && <p>{t('accounts.noGroups')}</p>}
          <label>
            <span>{t('accounts.email')}</span>
            <input name="email" type="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            <span>{t('accounts.role')}</span>
            <select name="role" value={role} onChange={(e) => setRole(e.target.value === 'coordinator' ? 'coordinator' : 'secretariaat')}>
              <option value="secretariaat">{t('accounts.roleSecretariaat')}</option>
              <option value="coordinator">{t('accounts.roleCoordinator')}</option>
            </select>
          </label>
          <fieldset>
            <legend>{t('accounts.themagroepen')}</legend>
            {myGroups.map((g) => (
              <label key={g} className="bp-accounts__group">
                <input
                  type="checkbox"
                  checked={chosen.includes(g)}
                  onChange={(e) => setGroups(e.target.checked ? [...chosen, g] : chosen.filter((x) => x !== g))}
                />
                <span>{g}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="bp-primary" disabled={busy || myGroups.length === 0}>
            {t('accounts.inviteSubmit')}
          </button>
        </form>
      </main>
    </div>
  )
}
