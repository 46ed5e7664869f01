import { useCallback, useEffect, useRef, useState } from 'react'
import { earlierOpenAfspraken, type ActieRow } from '../../shared/actielijst'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { formatDate } from '../start/formatDate'
import { carryOver, fetchActielijst, patchActieStatus } from './actielijstApi'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; rows: ActieRow[] }

const rowKey = (r: ActieRow) => `${r.sessionId}/${r.stickyId}`

/**
 * SPEC A10: in a later session, the open afspraken of the themagroep's
 * earlier sessions, each to be marked done ("Gedaan") or carried over into
 * this session ("Meenemen", A6: a new afspraak on its sheet
 * "Vervolgafspraken"), through the actielijst API.
 */
export function EarlierAfspraken({ sessionId, themagroep, date }: { sessionId: string; themagroep: string; date: string | null }) {
  const t = useT()
  const [language] = useLanguage()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState('')
  const listRef = useRef<HTMLElement>(null)
  const load = useCallback(() => {
    fetchActielijst(themagroep).then(
      (lijst) => setState({ status: 'ready', rows: earlierOpenAfspraken(lijst.rows, { id: sessionId, date }) }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [themagroep, sessionId, date])
  useEffect(load, [load])

  const act = async (row: ActieRow, action: 'gedaan' | 'meenemen') => {
    setProblem(null)
    setBusy(rowKey(row))
    try {
      if (action === 'gedaan') await patchActieStatus(row, 'gedaan')
      else await carryOver(row, sessionId)
      setDone(t(action === 'gedaan' ? 'earlierAfspraken.markedDone' : 'earlierAfspraken.carried', { wat: row.wat.slice(0, 80) }))
      // The row leaves the list: keep the keyboard in the panel.
      listRef.current?.focus()
      load()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="bp-earlier" data-testid="earlier-afspraken" aria-labelledby="bp-earlier-title" ref={listRef} tabIndex={-1}>
      <h3 id="bp-earlier-title">{t('earlierAfspraken.title')}</h3>
      <p className="bp-muted">{t('earlierAfspraken.intro')}</p>
      <p className="bp-sr-only" role="status">
        {done}
      </p>
      {done && <p className="bp-earlier__done" aria-hidden="true">{done}</p>}
      {problem !== null && <ErrorMessage error={problem} />}
      {state.status === 'loading' && <p className="bp-muted">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
      {state.status === 'ready' && state.rows.length === 0 && <p className="bp-muted bp-earlier__empty">{t('earlierAfspraken.empty')}</p>}
      {state.status === 'ready' && state.rows.length > 0 && (
        <ul className="bp-earlier__list">
          {state.rows.map((row) => (
            <li key={rowKey(row)} className={`bp-earlier__item${row.overdue ? ' is-overdue' : ''}`} data-sticky={row.stickyId}>
              <strong className="bp-earlier__wat">{row.wat}</strong>
              <span className="bp-muted bp-earlier__meta">
                {[row.wie, row.wanneer ? formatDate(row.wanneer, language) : t('actielijst.noDate'), t('earlierAfspraken.from', { session: row.sessionTitle })].filter((s) => s !== '').join(' · ')}
                {row.overdue && <span className="bp-actielijst__badge">{t('actielijst.overdue')}</span>}
              </span>
              <span className="bp-earlier__actions">
                <button type="button" data-action="gedaan" disabled={busy !== null} onClick={() => void act(row, 'gedaan')} aria-label={t('earlierAfspraken.doneOf', { wat: row.wat.slice(0, 60) })}>
                  {t('earlierAfspraken.done')}
                </button>
                <button type="button" data-action="meenemen" disabled={busy !== null} onClick={() => void act(row, 'meenemen')} aria-label={t('earlierAfspraken.carryOf', { wat: row.wat.slice(0, 60) })}>
                  {t('earlierAfspraken.carry')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
