import { useCallback, useEffect, useRef, useState } from 'react'
import { earlierConclusiesSchema, takeOverResponseSchema, type EarlierConclusie } from '../../shared/herkomst'
import { apiFetch } from '../api/apiFetch'
import { ErrorMessage } from '../api/ErrorMessage'
import { useLanguage } from '../i18n/useLanguage'
import { useT } from '../i18n/useT'
import { formatDate } from '../start/formatDate'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; conclusies: EarlierConclusie[] }

const key = (c: EarlierConclusie) => `${c.sessionId}/${c.stickyId}`

/**
 * SPEC R14: in a later session, the conclusies of the themagroep's earlier
 * sessions, each to be taken over into this session ("Meenemen", R13: a new
 * conclusie on the sheet "Conclusies" that remembers where it came from, so
 * the register's evidence chain follows it back, R15).
 */
export function EarlierConclusies({ sessionId }: { sessionId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const [state, setState] = useState<State>({ status: 'loading' })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState('')
  const sectionRef = useRef<HTMLElement>(null)
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/conclusies`
  const load = useCallback(() => {
    apiFetch(`${base}/eerder`, earlierConclusiesSchema).then(
      (answer) => setState({ status: 'ready', conclusies: answer.conclusies.filter((c) => !c.takenOver) }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [base])
  useEffect(load, [load])

  const takeOver = async (c: EarlierConclusie) => {
    setProblem(null)
    setBusy(true)
    try {
      await apiFetch(`${base}/overnemen`, takeOverResponseSchema, { method: 'POST', body: JSON.stringify({ fromSessionId: c.sessionId, stickyId: c.stickyId }) })
      setDone(t('earlierConclusies.carried', { text: c.text.slice(0, 80) }))
      // The conclusie leaves the list: keep the keyboard in the panel.
      sectionRef.current?.focus()
      load()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const session = (c: EarlierConclusie) => (c.sessionDate ? `${c.sessionTitle} (${formatDate(c.sessionDate, language)})` : c.sessionTitle)
  return (
    <section className="bp-earlier" data-testid="earlier-conclusies" aria-labelledby="bp-earlier-conclusies-title" ref={sectionRef} tabIndex={-1}>
      <h3 id="bp-earlier-conclusies-title">{t('earlierConclusies.title')}</h3>
      <p className="bp-muted">{t('earlierConclusies.intro')}</p>
      <p className="bp-sr-only" role="status">
        {done}
      </p>
      {done && (
        <p className="bp-earlier__done" aria-hidden="true">
          {done}
        </p>
      )}
      {problem !== null && <ErrorMessage error={problem} />}
      {state.status === 'loading' && <p className="bp-muted">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
      {state.status === 'ready' && state.conclusies.length === 0 && <p className="bp-muted bp-earlier__empty">{t('earlierConclusies.empty')}</p>}
      {state.status === 'ready' && state.conclusies.length > 0 && (
        <ul className="bp-earlier__list">
          {state.conclusies.map((c) => (
            <li key={key(c)} className="bp-earlier__item" data-sticky={c.stickyId}>
              <strong className="bp-earlier__wat">{c.text}</strong>
              <span className="bp-muted bp-earlier__meta">
                {[t('earlierConclusies.from', { session: session(c) }), ...(c.factoren.length > 0 ? [c.factoren.length === 1 ? t('earlierConclusies.restsOnOne') : t('earlierConclusies.restsOn', { count: c.factoren.length })] : [])].join(' · ')}
              </span>
              <span className="bp-earlier__actions">
                <button type="button" data-action="meenemen" disabled={busy} onClick={() => void takeOver(c)} aria-label={t('earlierConclusies.carryOf', { text: c.text.slice(0, 60) })}>
                  {t('earlierConclusies.carry')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
