import { useCallback, useEffect, useState } from 'react'
import { z } from 'zod'
import type * as Y from 'yjs'
import { sessionParticipantSchema, type SessionParticipant } from '../../shared/accounts'
import { addDeelnemers } from '../../shared/addDeelnemers'
import type { SessionInfo } from '../../shared/session'
import { writeSessionInfo } from '../../shared/ydoc'
import { apiFetch } from '../api/apiFetch'
import { ErrorMessage } from '../api/ErrorMessage'
import { useT } from '../i18n/useT'

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; participants: SessionParticipant[] }

const ROLE_KEYS = { deelnemer: 'whoWasThere.role.deelnemer', waarnemer: 'whoWasThere.role.waarnemer', secretariaat: 'whoWasThere.role.secretariaat' } as const

/**
 * U12, U13: who joined the session from an invite (name, organisation, role),
 * for the secretariaat and coördinatoren, with one click to add their
 * organisations to the verslag's deelnemers (no duplicates).
 */
export function WhoWasThere({ sessionId, doc, info }: { sessionId: string; doc: Y.Doc; info: SessionInfo }) {
  const t = useT()
  const [state, setState] = useState<State>({ status: 'loading' })
  const load = useCallback(() => {
    setState({ status: 'loading' })
    apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/participants`, z.object({ participants: z.array(sessionParticipantSchema) })).then(
      (answer) => setState({ status: 'ready', participants: answer.participants }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }, [sessionId])
  useEffect(load, [load])

  const next = state.status === 'ready' ? addDeelnemers(info.deelnemers, state.participants) : info.deelnemers
  const missing = next.length - info.deelnemers.length
  const role = (r: string) => (r in ROLE_KEYS ? t(ROLE_KEYS[r as keyof typeof ROLE_KEYS]) : r)
  return (
    <fieldset className="bp-who-was-there" data-testid="who-was-there">
      <legend>{t('whoWasThere.title')}</legend>
      {state.status === 'loading' && <p className="bp-muted">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={load} />}
      {state.status === 'ready' && state.participants.length === 0 && <p className="bp-muted">{t('whoWasThere.empty')}</p>}
      {state.status === 'ready' && state.participants.length > 0 && (
        <>
          <ul>
            {state.participants.map((p, i) => (
              <li key={i}>
                {p.name}
                {p.organisation && `, ${p.organisation}`} <span className="bp-muted">({role(p.role)})</span>
              </li>
            ))}
          </ul>
          {missing > 0 ? (
            <button type="button" onClick={() => writeSessionInfo(doc, { deelnemers: next })}>
              {missing === 1 ? t('whoWasThere.addOne') : t('whoWasThere.add', { count: missing })}
            </button>
          ) : (
            <p className="bp-muted">{t('whoWasThere.allListed')}</p>
          )}
          <button type="button" onClick={load}>
            {t('whoWasThere.refresh')}
          </button>
        </>
      )}
    </fieldset>
  )
}
