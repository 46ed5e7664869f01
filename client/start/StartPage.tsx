import { useCallback, useEffect, useState } from 'react'
import type { SessionSummary } from '../../shared/api'
import { ErrorMessage } from '../api/ErrorMessage'
import { listSessions } from '../api/sessionsApi'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/useT'
import { CreateSessionForm } from './CreateSessionForm'
import { SessionList } from './SessionList'

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; sessions: SessionSummary[] }

export function StartPage() {
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

  return (
    <div className="bp-start">
      <header className="bp-header">
        <h1>
          <span className="bp-logo" aria-hidden="true" />
          {t('app.name')}
        </h1>
        <LanguageSwitch />
      </header>
      <main className="bp-start__main">
        <section className="bp-start__list" aria-labelledby="sessions-title">
          <h1 id="sessions-title">{t('start.title')}</h1>
          <p className="bp-muted">{t('start.intro')}</p>
          {state.status === 'loading' && <p>{t('start.loading')}</p>}
          {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
          {state.status === 'ready' && state.sessions.length === 0 && (
            <div className="bp-empty">
              <h2>{t('start.empty.title')}</h2>
              <p>{t('start.empty.body')}</p>
            </div>
          )}
          {state.status === 'ready' && state.sessions.length > 0 && <SessionList sessions={state.sessions} />}
        </section>
        <aside className="bp-start__create">
          <CreateSessionForm themagroepen={themagroepen} />
        </aside>
      </main>
    </div>
  )
}
