import './access.css'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { AUDIT_ACTIONS, describeAudit } from '../../shared/auditWords'
import type { AuditEntry } from '../../shared/access'
import { ErrorMessage } from '../api/ErrorMessage'
import { SignedInPageHeader } from '../layout/PageHeader'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { auditQuery, fetchAudit, type AuditFilters } from './inviteApi'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; entries: AuditEntry[] }

/** The audit log for themacoördinatoren (SPEC P11): who did what, newest first. */
export function AuditPage() {
  const t = useT()
  const [language] = useLanguage()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [draft, setDraft] = useState<AuditFilters>({})
  const [filters, setFilters] = useState<AuditFilters>({})
  const load = useCallback(() => {
    setState({ status: 'loading' })
    fetchAudit(filters).then(
      (entries) => setState({ status: 'ready', entries }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [filters])
  useEffect(load, [load])
  const apply = (e: FormEvent) => {
    e.preventDefault()
    setFilters(draft)
  }
  const csvHref = `/api/audit.csv?${auditQuery({ ...filters, lang: language })}`
  const when = (iso: string) => new Date(iso).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })

  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-audit">
        <Link to="/">← {t('board.back')}</Link>
        <h1>{t('audit.title')}</h1>
        <p className="bp-muted">{t('audit.body')}</p>
        <form className="bp-privacy__form" onSubmit={apply}>
          <label>
            {t('audit.filter.person')}
            <input value={draft.person ?? ''} maxLength={200} onChange={(e) => setDraft({ ...draft, person: e.target.value })} />
          </label>
          <label>
            {t('audit.filter.action')}
            <select value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
              <option value="">{t('audit.filter.all')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {describeAudit({ action: a, actorName: '…', detail: '' }, language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('audit.filter.session')}
            <input value={draft.sessionId ?? ''} maxLength={64} onChange={(e) => setDraft({ ...draft, sessionId: e.target.value })} />
          </label>
          <button type="submit">{t('audit.filter.apply')}</button>
          <a href={csvHref} download>
            {t('audit.csv')}
          </a>
        </form>
        {state.status === 'loading' && <p>{t('app.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
        {state.status === 'ready' && state.entries.length === 0 && <p>{t('audit.empty')}</p>}
        {state.status === 'ready' && state.entries.length > 0 && (
          <div className="bp-audit__scroll">
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
                    <td>{describeAudit(entry, language)}</td>
                    <td>
                      {entry.sessionId ? <Link to={`/s/${entry.sessionId}`}>{entry.themagroep ?? entry.sessionId}</Link> : (entry.themagroep ?? '')}
                    </td>
                    <td>{entry.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </div>
  )
}
