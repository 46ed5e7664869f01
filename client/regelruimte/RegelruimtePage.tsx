import './regelruimte.css'
import { useCallback, useEffect, useState } from 'react'
import type { RegisterRow } from '../../shared/regelruimte'
import { REGELRUIMTE_STATUSES, regelruimteStatusSchema } from '../../shared/sticky'
import { ErrorMessage } from '../api/ErrorMessage'
import { useIdentity } from '../identity/useIdentity'
import { PageHeader } from '../layout/PageHeader'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { fetchRegister } from './regelruimteApi'
import { applyFilters, downloadUrl, groupByThemagroep, type RegisterFilters } from './registerFilters'
import { RegisterRowView } from './RegisterRowView'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; rows: RegisterRow[] }

const NO_FILTERS: RegisterFilters = { themagroep: null, status: null }

/** The regelruimte register across sessions (SPEC R8): grouped per themagroep, filters, status changes, downloads. */
export function RegelruimtePage() {
  const t = useT()
  const [language] = useLanguage()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [filters, setFilters] = useState<RegisterFilters>(NO_FILTERS)
  const identity = useIdentity()
  const me = identity.status === 'ready' ? (identity.identity?.me ?? null) : null
  // R11: an invited secretariaat reads the rows of its themagroep and changes those of its own session only (P8).
  const ownsSession = (row: RegisterRow) => me?.kind !== 'participant' || row.sessionId === me.sessionId
  const load = useCallback(() => {
    setState({ status: 'loading' })
    fetchRegister().then(
      (register) => setState({ status: 'ready', rows: register.rows }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [])
  useEffect(load, [load])

  const rows = state.status === 'ready' ? state.rows : []
  const themagroepen = [...new Set(rows.map((r) => r.themagroep))]
  const shown = applyFilters(rows, filters)
  const replace = (changed: RegisterRow) =>
    setState((s) =>
      s.status === 'ready'
        ? { status: 'ready', rows: s.rows.map((r) => (r.sessionId === changed.sessionId && r.stickyId === changed.stickyId ? changed : r)) }
        : s,
    )

  return (
    <div className="bp-start">
      <PageHeader me={me} />
      <main className="bp-register">
        <Link to={me?.kind === 'participant' ? `/s/${encodeURIComponent(me.sessionId)}` : '/'}>← {t('board.back')}</Link>
        <h1>{t('regelruimte.title')}</h1>
        <p className="bp-muted">{t('regelruimte.intro')}</p>
        {state.status === 'loading' && <p>{t('regelruimte.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
        {state.status === 'ready' && rows.length === 0 && (
          <div className="bp-empty">
            <h2>{t('regelruimte.empty.title')}</h2>
            <p>{t('regelruimte.empty.body')}</p>
          </div>
        )}
        {state.status === 'ready' && rows.length > 0 && (
          <>
            <div className="bp-register__toolbar">
              <label>
                {t('regelruimte.filter.themagroep')}
                <select
                  name="themagroep"
                  value={filters.themagroep ?? ''}
                  onChange={(e) => setFilters({ ...filters, themagroep: e.target.value === '' ? null : e.target.value })}
                >
                  <option value="">{t('regelruimte.filter.all')}</option>
                  {themagroepen.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('regelruimte.filter.status')}
                <select
                  name="status"
                  value={filters.status ?? ''}
                  onChange={(e) => {
                    const status = regelruimteStatusSchema.safeParse(e.target.value)
                    setFilters({ ...filters, status: status.success ? status.data : null })
                  }}
                >
                  <option value="">{t('regelruimte.filter.all')}</option>
                  {REGELRUIMTE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <span className="bp-register__count">
                {shown.length === 1 ? t('regelruimte.countOne') : t('regelruimte.count', { count: shown.length })}
              </span>
              <span className="bp-register__downloads">
                {t('regelruimte.download')}:
                <a className="bp-register__download" href={downloadUrl('xlsx', filters, language)} download>
                  {t('regelruimte.download.xlsx')}
                </a>
                <a className="bp-register__download" href={downloadUrl('csv', filters, language)} download>
                  {t('regelruimte.download.csv')}
                </a>
                <a className="bp-register__download" href={downloadUrl('json', filters, language)} download>
                  {t('regelruimte.download.json')}
                </a>
              </span>
            </div>
            {shown.length === 0 && (
              <div className="bp-empty">
                <p>{t('regelruimte.filteredEmpty')}</p>
                <button type="button" onClick={() => setFilters(NO_FILTERS)}>
                  {t('regelruimte.filter.reset')}
                </button>
              </div>
            )}
            {groupByThemagroep(shown).map((group) => (
              <section key={group.themagroep} className="bp-group" aria-label={group.themagroep}>
                <h2>
                  {group.themagroep} <span className="bp-muted">({group.rows.length})</span>
                </h2>
                <div className="bp-register__scroll">
                  <table className="bp-register__table">
                    <thead>
                      <tr>
                        <th scope="col">{t('regelruimte.col.nummer')}</th>
                        <th scope="col">{t('regelruimte.col.verzoek')}</th>
                        <th scope="col">{t('regelruimte.col.regeling')}</th>
                        <th scope="col">{t('regelruimte.col.adressaat')}</th>
                        <th scope="col">{t('regelruimte.col.status')}</th>
                        <th scope="col">{t('regelruimte.col.volgtUit')}</th>
                        <th scope="col">{t('regelruimte.col.sessie')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.rows.map((row) => (
                        <RegisterRowView key={`${row.sessionId}/${row.stickyId}`} row={row} onChanged={replace} ownsSession={ownsSession(row)} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  )
}
