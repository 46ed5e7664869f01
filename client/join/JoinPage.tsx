import { useEffect, useState } from 'react'
import { fetchJoinInfo, joinWithInvite, type JoinInfo } from '../api/accessApi'
import { ErrorMessage } from '../api/ErrorMessage'
import { useSubmit } from '../api/useSubmit'
import { participantFromMe } from '../identity/participant'
import { storeParticipant } from '../identity/useParticipant'
import { PageHeader } from '../layout/PageHeader'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { navigate } from '../router/navigate'
import { isPhoneViewport } from '../phone/isPhone'

type InfoState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; info: JoinInfo }

/**
 * The page an invite link opens: shows the session, asks name and
 * organisation, redeems the invite (POST /api/join) and opens the board.
 */
export function JoinPage({ token }: { token: string }) {
  const t = useT()
  const [state, setState] = useState<InfoState>({ status: 'loading' })
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')

  useEffect(() => {
    fetchJoinInfo(token).then(
      (info) => setState({ status: 'ready', info }),
      (cause: unknown) => setState({ status: 'error', error: cause }),
    )
  }, [token])

  const { busy, error, onSubmit } = useSubmit(async () => {
    if (state.status !== 'ready') return
    const me = await joinWithInvite({ token, name: name.trim(), organisation: organisation.trim() })
    const participant = participantFromMe(me, null)
    if (participant) storeParticipant(participant)
    // A phone lands on the phone page, a laptop on the board (SPEC M2).
    navigate(`/s/${encodeURIComponent(state.info.sessionId)}${isPhoneViewport() ? '/telefoon' : ''}`)
  })

  return (
    <div className="bp-start">
      <PageHeader />
      <main className="bp-join">
        {state.status === 'loading' && <p>{t('app.loading')}</p>}
        {state.status === 'error' && (
          <div className="bp-join__failed">
            <ErrorMessage error={state.error} />
            <p>
              <Link to="/">{t('app.toStart')}</Link>
            </p>
          </div>
        )}
        {state.status === 'ready' && (
          <form className="bp-card bp-form" onSubmit={onSubmit} aria-labelledby="join-title">
            <p className="bp-muted">{t('join.invited', { role: state.info.role })}</p>
            <h2 id="join-title">{state.info.title}</h2>
            <p className="bp-muted">{state.info.themagroep}</p>
            <p>{t('identity.body')}</p>
            <label>
              <span>{t('identity.name')}</span>
              <input name="name" required autoFocus maxLength={200} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              <span>{t('identity.organisation')}</span>
              <input name="organisation" required maxLength={200} autoComplete="organization" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
            </label>
            {error !== null && <ErrorMessage error={error} />}
            <button type="submit" className="bp-primary" disabled={busy}>
              {busy ? t('create.submitting') : t('identity.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  )
}
