import './access.css'
import { useCallback, useEffect, useState } from 'react'
import type { AuditEntry } from '../../shared/access'
import { ErrorMessage } from '../api/ErrorMessage'
import { SignedInPageHeader } from '../layout/PageHeader'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { fetchAudit } from './inviteApi'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; entries: AuditEntry[] }

/** The audit log for themacoördinatoren (SPEC P11): who did what, newest first. */
export function AuditPage() {
  const t = useT()
  const [language] = useLanguage()
  const [state, setState] = useState<State>({ status: 'loading' })
  const load = useCallback(() => {
    setState({ status: 'loading' })
    fetchAudit().then(
      (entries) => setState({ status: 'ready', entries }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [])
  useEffect(load, [load])
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })

  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-audit">
        <Link to="/">← {t('board.back')}</Link>
        <h1>{t('audit.title')}</h1>
        <p className="bp-muted">{t('audit.body')}</p>
        {state.status === 'loading' && <p>{t('app.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
        {state.status === 'ready' && state.entries.length === 0 && <p>{t('audit.empty')}</p>}
        {state.status === 'ready' && state.entries.length > 0 && (
          <table className="bp-audit__table">
            <thead>
              <tr>
                <th>{t('audit.when')}</th>
                <th>{t('audit.who')}</th>
                <th>{t('audit.what')}</th>
                <th>{t('audit.where')}</th>
                <th>{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {state.entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td>{when(entry.at)}</td>
                  <td>{entry.actorName}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.sessionId ? <Link to={`/s/${entry.sessionId}`}>{entry.themagroep ?? entry.sessionId}</Link> : (entry.themagroep ?? '')}
                  </td>
                  <td>{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  )
}
