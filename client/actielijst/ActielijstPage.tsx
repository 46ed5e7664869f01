import './actielijst.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ACTIE_STATUSES, actieStatusSchema, type ActieRow, type ActieStatus } from '../../shared/actielijst'
import type { SessionSummary } from '../../shared/api'
import { sameThemagroep } from '../../shared/themagroepName'
import { copyText } from '../access/copyText'
import { ErrorMessage } from '../api/ErrorMessage'
import { listSessions } from '../api/sessionsApi'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { SignedInPageHeader } from '../layout/PageHeader'
import { Link } from '../router/Link'
import { formatDate } from '../start/formatDate'
import { carryOver, downloadUrl, fetchActielijst, makeFeed, patchActieStatus } from './actielijstApi'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; rows: ActieRow[]; sessions: SessionSummary[] }

const rowKey = (r: ActieRow) => `${r.sessionId}/${r.stickyId}`

/** The actielijst of one themagroep across its sessions (SPEC A7). */
export function ActielijstPage({ themagroep }: { themagroep: string }) {
  const t = useT()
  const [language] = useLanguage()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [status, setStatus] = useState<ActieStatus | null>(null)
  const [search, setSearch] = useState('')
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const load = useCallback(() => {
    setState({ status: 'loading' })
    Promise.all([fetchActielijst(themagroep), listSessions()]).then(
      ([lijst, sessions]) => setState({ status: 'ready', rows: lijst.rows, sessions: sessions.filter((s) => sameThemagroep(s.themagroep, themagroep)) }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [themagroep])
  useEffect(load, [load])

  const rows = state.status === 'ready' ? state.rows : []
  const words = search.toLocaleLowerCase(language).split(/\s+/).filter((w) => w !== '')
  const shown = rows.filter(
    (r) =>
      (status === null || r.status === status) &&
      (!overdueOnly || r.overdue) &&
      words.every((w) => `${r.wat} ${r.wie} ${r.waar} ${r.sessionTitle}`.toLocaleLowerCase(language).includes(w)),
  )
  const overdue = rows.filter((r) => r.overdue).length
  const when = (r: ActieRow) =>
    r.wanneer ? `${formatDate(r.wanneer, language)}${r.tijdVan ? ` ${r.tijdVan}${r.tijdTot ? `–${r.tijdTot}` : ''}` : ''}` : t('actielijst.noDate')

  const change = async (row: ActieRow, next: ActieStatus) => {
    setProblem(null)
    try {
      const { row: updated } = await patchActieStatus(row, next)
      setState((s) => (s.status === 'ready' ? { ...s, rows: s.rows.map((r) => (rowKey(r) === rowKey(row) ? updated : r)) } : s))
    } catch (error) {
      setProblem(error)
    }
  }
  const carry = async (row: ActieRow, toSessionId: string) => {
    setProblem(null)
    try {
      await carryOver(row, toSessionId)
      load()
    } catch (error) {
      setProblem(error)
    }
  }

  return (
    <div className="bp-start">
      <SignedInPageHeader />
      <main className="bp-register bp-actielijst">
        <Link to="/">← {t('board.back')}</Link>
        <h1>{t('actielijst.title', { themagroep })}</h1>
        <p className="bp-muted">{t('actielijst.intro')}</p>
        {state.status === 'loading' && <p>{t('actielijst.loading')}</p>}
        {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
        {problem !== null && <ErrorMessage error={problem} />}
        {state.status === 'ready' && rows.length === 0 && (
          <div className="bp-empty">
            <h2>{t('actielijst.empty.title')}</h2>
            <p>{t('actielijst.empty.body')}</p>
          </div>
        )}
        {state.status === 'ready' && rows.length > 0 && (
          <>
            <div className="bp-register__toolbar" role="search">
              <label>
                {t('actielijst.filter.status')}
                <select
                  name="status"
                  value={status ?? ''}
                  onChange={(e) => {
                    const parsed = actieStatusSchema.safeParse(e.target.value)
                    setStatus(parsed.success ? parsed.data : null)
                  }}
                >
                  <option value="">{t('actielijst.filter.all')}</option>
                  {ACTIE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`actielijst.status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('actielijst.filter.search')}
                <input type="search" name="q" value={search} placeholder={t('actielijst.filter.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
              </label>
              <label className="bp-actielijst__check">
                <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
                {t('actielijst.filter.overdue')}
              </label>
              <span className="bp-register__count">
                {shown.length === 1 ? t('actielijst.countOne') : t('actielijst.count', { count: shown.length })}
                {overdue > 0 && <strong className="bp-actielijst__overdue-count"> · {t('actielijst.overdueCount', { count: overdue })}</strong>}
              </span>
              <span className="bp-register__downloads">
                {t('actielijst.download')}:
                <a className="bp-register__download" href={downloadUrl(themagroep, 'xlsx', status, search, language)} download>
                  {t('actielijst.download.xlsx')}
                </a>
                <a className="bp-register__download" href={downloadUrl(themagroep, 'csv', status, search, language)} download>
                  {t('actielijst.download.csv')}
                </a>
              </span>
            </div>
            {shown.length === 0 ? (
              <div className="bp-empty">
                <p>{t('actielijst.filteredEmpty')}</p>
                <button
                  type="button"
                  onClick={() => {
                    setStatus(null)
                    setSearch('')
                    setOverdueOnly(false)
                  }}
                >
                  {t('actielijst.filter.reset')}
                </button>
              </div>
            ) : (
              <div className="bp-register__scroll">
                <table className="bp-register__table bp-actielijst__table">
                  <thead>
                    <tr>
                      <th scope="col">{t('actielijst.col.wat')}</th>
                      <th scope="col">{t('actielijst.col.wie')}</th>
                      <th scope="col">{t('actielijst.col.wanneer')}</th>
                      <th scope="col">{t('actielijst.col.waar')}</th>
                      <th scope="col">{t('actielijst.col.status')}</th>
                      <th scope="col">{t('actielijst.col.sessie')}</th>
                      <th scope="col">{t('actielijst.col.overnemen')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => (
                      <ActieRowView key={rowKey(row)} row={row} when={when(row)} sessions={state.sessions} onStatus={change} onCarry={carry} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
        {state.status === 'ready' && <FeedLink themagroep={themagroep} />}
      </main>
    </div>
  )
}

function ActieRowView(props: {
  row: ActieRow
  when: string
  sessions: SessionSummary[]
  onStatus(row: ActieRow, status: ActieStatus): void
  onCarry(row: ActieRow, toSessionId: string): void
}) {
  const { row } = props
  const t = useT()
  const [target, setTarget] = useState('')
  const last = row.history.at(-1)
  const others = useMemo(() => props.sessions.filter((s) => s.id !== row.sessionId), [props.sessions, row.sessionId])
  return (
    <tr className={row.overdue ? 'is-overdue' : undefined} data-status={row.status} data-sticky={row.stickyId}>
      <td>
        {row.wat}
        {row.carriedFrom && <div className="bp-muted">{t('actielijst.carriedFrom', { session: row.carriedFrom.sessionTitle })}</div>}
      </td>
      <td>{row.wie}</td>
      <td>
        {props.when}
        {row.overdue && <span className="bp-actielijst__badge">{t('actielijst.overdue')}</span>}
      </td>
      <td>{row.waar}</td>
      <td>
        <select aria-label={t('actielijst.statusOf', { wat: row.wat.slice(0, 60) })} value={row.status} onChange={(e) => props.onStatus(row, actieStatusSchema.parse(e.target.value))}>
          {ACTIE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`actielijst.status.${s}`)}
            </option>
          ))}
        </select>
        {last && (
          <div className="bp-muted bp-actielijst__since">
            {t('actielijst.lastChange', { who: last.actorName, when: new Date(last.at).toLocaleDateString() })}
            {last.detail ? ` · ${last.detail}` : ''}
          </div>
        )}
      </td>
      <td>
        <Link to={`/s/${row.sessionId}`}>{row.sessionTitle}</Link>
      </td>
      <td>
        {row.carriedTo ? (
          <Link to={`/s/${row.carriedTo.sessionId}`}>{t('actielijst.carriedTo', { session: row.carriedTo.sessionTitle })}</Link>
        ) : (
          others.length > 0 && (
            <form
              className="bp-actielijst__carry"
              onSubmit={(e) => {
                e.preventDefault()
                if (target) props.onCarry(row, target)
              }}
            >
              <select aria-label={t('actielijst.carryTo')} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t('actielijst.carryChoose')}</option>
                {others.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={!target}>
                {t('actielijst.carry')}
              </button>
            </form>
          )
        )}
      </td>
    </tr>
  )
}

function FeedLink({ themagroep }: { themagroep: string }) {
  const t = useT()
  const [url, setUrl] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const make = () => {
    setError(null)
    setCopied(false)
    makeFeed(themagroep).then((feed) => setUrl(feed.url), setError)
  }
  return (
    <section className="bp-actielijst__feed" aria-labelledby="bp-feed-title">
      <h2 id="bp-feed-title">{t('actielijst.feed.title')}</h2>
      <p className="bp-muted">{t('actielijst.feed.body')}</p>
      {url && (
        <p className="bp-actielijst__feed-url">
          <input readOnly value={url} aria-label={t('actielijst.feed.title')} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => void copyText(url).then(setCopied)}>
            {copied ? t('actielijst.feed.copied') : t('actielijst.feed.copy')}
          </button>
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <button type="button" onClick={make}>
        {url ? t('actielijst.feed.renew') : t('actielijst.feed.make')}
      </button>
    </section>
  )
}
