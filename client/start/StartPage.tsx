import { useCallback, useEffect, useState } from 'react'
import type { MeResponse } from '../../shared/access'
import type { SessionSummary } from '../../shared/api'
import { ErrorMessage } from '../api/ErrorMessage'
import { listSessions } from '../api/sessionsApi'
import { PageHeader } from '../layout/PageHeader'
import { useT } from '../i18n/useT'
import { useIdentity } from '../identity/useIdentity'
import { ImportButton } from '../verslag/ImportButton'
import { CreateSessionForm } from './CreateSessionForm'
import { LoginForm } from './LoginForm'
import { SessionList } from './SessionList'

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; sessions: SessionSummary[] }

/** Null `me`: the server has no access layer, everyone may do everything. */
function canCreateSessions(me: MeResponse | null): boolean {
  return me === null || me.kind === 'admin' || (me.kind === 'user' && me.role === 'coordinator')
}

function SessionsPanel({ me }: { me: MeResponse | null }) {
  const t = useT()
  const [state, setState] = useState<ListState>({ status: 'loading' })
  const load = useCallback(() => {
    setState({ status: 'loading' })
    listSessions().then(
      (sessions) => setState({ status: 'ready', sessions }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [])
  useEffect(load, [load])
  const sessions = state.status === 'ready' ? state.sessions : []
  const themagroepen = [...new Set(sessions.map((s) => s.themagroep))].sort((a, b) => a.localeCompare(b, 'nl'))
  const canCreate = canCreateSessions(me)
  return (
    <>
      <section className="bp-start__list" aria-labelledby="sessions-title">
        <h1 id="sessions-title">{t('start.title')}</h1>
        <p className="bp-muted">{t('start.intro')}</p>
        {state.status === 'loading' && <p>{t('start.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
        {state.status === 'ready' && state.sessions.length === 0 && (
          <div className="bp-empty">
            <h2>{t('start.empty.title')}</h2>
            <p>{canCreate ? t('start.empty.body') : t('login.body')}</p>
          </div>
        )}
        {state.status === 'ready' && state.sessions.length > 0 && <SessionList sessions={state.sessions} showActielijst={me !== null && (me.kind === 'user' || me.kind === 'admin')} />}
      </section>
      {canCreate && (
        <aside className="bp-start__create">
          <CreateSessionForm themagroepen={themagroepen} />
          <ImportButton />
        </aside>
      )}
    </>
  )
}

export function StartPage() {
  const t = useT()
  const identity = useIdentity()
  const me = identity.status === 'ready' ? (identity.identity?.me ?? null) : null
  return (
    <div className="bp-start">
      <PageHeader me={me} />
      <main className="bp-start__main">
        {identity.status === 'loading' && <p>{t('start.loading')}</p>}
        {identity.status === 'ready' && me?.kind === 'anonymous' && (
          <>
            <section className="bp-start__list" aria-labelledby="sessions-title">
              <h1 id="sessions-title">{t('start.title')}</h1>
              <p className="bp-muted">{t('start.intro')}</p>
              <div className="bp-empty">
                <p>{t('start.anonymous')}</p>
              </div>
            </section>
            <aside className="bp-start__create">
              <LoginForm setupPending={identity.identity?.setupPending ?? false} />
            </aside>
          </>
        )}
        {identity.status === 'ready' && me?.kind !== 'anonymous' && <SessionsPanel me={me} />}
      </main>
    </div>
  )
}
