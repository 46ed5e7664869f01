import './phone.css'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { MeResponse } from '../../shared/access'
import { CloseCode } from '../../shared/closeCodes'
import { compareReadingOrder } from '../../shared/boardModel'
import type { PrivateSticky } from '../../shared/facilitation'
import { editSticky } from '../../shared/stickyEdits'
import type { Tag } from '../../shared/tags'
import { ErrorMessage } from '../api/ErrorMessage'
import { ConnectionBadge } from '../board/ConnectionBadge'
import { ParticipantDialog } from '../identity/ParticipantDialog'
import type { Participant } from '../identity/participant'
import { useIdentity } from '../identity/useIdentity'
import { useParticipant } from '../identity/useParticipant'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useT } from '../i18n/useT'
import { canEditBoard } from '../panel/permissions'
import { Link } from '../router/Link'
import { useConnectionStatus } from '../sync/useConnectionStatus'
import { useDocBoard } from '../sync/useDocBoard'
import { useSessionDoc } from '../sync/useSessionDoc'
import { useSessionInfo } from '../sync/useSessionInfo'
import { OwnSticky, type OwnStickyView } from './OwnSticky'
import { PhasePanel } from './PhasePanel'
import { PhoneComposer } from './PhoneComposer'
import { PhoneVoting } from './PhoneVoting'
import { fetchPrivateStickies, patchPrivateSticky, sharePrivateStickies } from './privateStickies'
import { useFacilitation } from './useFacilitation'

/**
 * The phone page `/s/:id/telefoon` (SPEC M1–M6): no canvas, no tldraw. Follow
 * the phase and the timer; write a sticky with a tag and send it; see and
 * edit your own; vote during `stemmen`. Lazy-loaded; it and everything
 * before it stay under 200 kB.
 */
export default function PhonePage({ sessionId }: { sessionId: string }) {
  const t = useT()
  const identity = useIdentity()
  const { participant, ready, save } = useParticipant()
  if (identity.status === 'loading' || (!participant && !ready)) return <div className="bp-center">{t('app.loading')}</div>
  const me = identity.identity?.me ?? null
  if (me?.kind === 'anonymous') {
    return (
      <div className="bp-center">
        <p className="bp-error">{t('board.unauthorized')}</p>
        <Link to="/">{t('login.title')}</Link>
      </div>
    )
  }
  if (!participant) return <ParticipantDialog initial={null} onSave={save} />
  return <PhoneSession sessionId={sessionId} participant={participant} me={me} />
}

/** My private stickies (F6), asked again whenever my private count or the phase changes. */
function usePrivateStickies(sessionId: string, key: string): { stickies: PrivateSticky[]; reload(): void } {
  const [stickies, setStickies] = useState<PrivateSticky[]>([])
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    fetchPrivateStickies(sessionId).then(
      (list) => live && setStickies(list),
      () => live && setStickies([]),
    )
    return () => {
      live = false
    }
  }, [sessionId, key, round])
  return { stickies, reload: useCallback(() => setRound((n) => n + 1), []) }
}

function PhoneSession({ sessionId, participant, me }: { sessionId: string; participant: Participant; me: MeResponse | null }) {
  const t = useT()
  const state = useSessionDoc(sessionId)
  const doc = state.session?.doc ?? null
  const info = useSessionInfo(doc)
  const board = useDocBoard(doc)
  const facilitation = useFacilitation(doc)
  const status = useConnectionStatus(state.session?.provider ?? null)
  const readOnly = !canEditBoard(me)
  const [error, setError] = useState<unknown>(null)
  const privateCount = facilitation.privateCounts[participant.id]?.count ?? 0
  const held = usePrivateStickies(sessionId, `${facilitation.phase}:${privateCount}`)

  const sheets = useMemo(() => [...board.sheets].sort((a, b) => compareReadingOrder(a, b, 200)), [board.sheets])
  const sheetName = useMemo(() => new Map(board.sheets.map((s) => [s.id, s.name])), [board.sheets])
  const mine = useMemo(
    () =>
      board.stickies
        .filter((s) => s.meta.author?.id === participant.id)
        .sort((a, b) => (b.meta.createdAt ?? '').localeCompare(a.meta.createdAt ?? '') || a.id.localeCompare(b.id)),
    [board.stickies, participant.id],
  )
  const own: { view: OwnStickyView; sheetId: string | null; createdAt: string }[] = [
    ...held.stickies.map((s) => ({ view: { id: s.id, text: s.text, tag: s.tag, private: true }, sheetId: s.sheetId, createdAt: s.createdAt })),
    ...mine.map((s) => ({ view: { id: s.id, text: s.text, tag: s.tag, private: false }, sheetId: s.sheetId, createdAt: s.meta.createdAt ?? '' })),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt))

  const save = (sticky: OwnStickyView, changes: { text?: string; tag?: Tag }) => {
    setError(null)
    if (!sticky.private) {
      if (doc) editSticky(doc, sticky.id, changes)
      return
    }
    patchPrivateSticky(sessionId, sticky.id, changes).then(held.reload, setError)
  }
  const shareNow = () => {
    setError(null)
    sharePrivateStickies(sessionId).then(held.reload, setError)
  }

  // Present on the board's list of who is here, without a cursor (SPEC M6).
  const awareness = state.session?.provider.awareness ?? null
  useEffect(() => {
    awareness?.setLocalStateField('person', { name: participant.name, organisation: participant.organisation, via: 'telefoon' })
  }, [awareness, participant.name, participant.organisation])

  const refused = state.refused
  const voting = facilitation.phase === 'stemmen'
  return (
    <div className="bp-phone">
      <header className="bp-phone__header">
        <div className="bp-phone__title">
          <h1>{info?.title ?? '…'}</h1>
          <p className="bp-muted">
            {participant.name}
            {participant.organisation ? ` · ${participant.organisation}` : ''}
          </p>
        </div>
        <ConnectionBadge status={status} />
        <LanguageSwitch />
      </header>
      <main className="bp-phone__main">
        {refused ? (
          <p className="bp-error" role="alert">
            {refused.code === CloseCode.UnknownSession ? t('board.unknownSession') : refused.code === CloseCode.Unauthorized ? t('board.unauthorized') : t('board.forbidden')}
          </p>
        ) : !state.synced ? (
          <p>{t('board.loading')}</p>
        ) : (
          <>
            <PhasePanel facilitation={facilitation} />
            {voting && !readOnly && <PhoneVoting sessionId={sessionId} board={board} sheets={sheets} facilitation={facilitation} voterId={participant.id} />}
            {readOnly ? <p className="bp-muted">{t('board.readOnlyHint')}</p> : <PhoneComposer sessionId={sessionId} sheets={sheets} onSent={(sent) => sent.private && held.reload()} />}
            <section className="bp-phone__mine" aria-labelledby="phone-mine-title">
              <h2 id="phone-mine-title">{t('phone.mine', { count: own.length })}</h2>
              {error !== null && <ErrorMessage error={error} />}
              {held.stickies.length > 0 && (
                <div className="bp-phone__privatebar">
                  <p>{t('phone.privateHint', { count: held.stickies.length })}</p>
                  <button type="button" onClick={shareNow}>
                    {t('phone.shareNow')}
                  </button>
                </div>
              )}
              {own.length === 0 ? (
                <p className="bp-muted">{t('phone.mineEmpty')}</p>
              ) : (
                <ul className="bp-phone__list">
                  {own.map(({ view, sheetId }) => (
                    <OwnSticky
                      key={view.id}
                      sticky={view}
                      sheetName={sheetId ? (sheetName.get(sheetId) ?? null) : null}
                      readOnly={readOnly}
                      onSave={(changes) => save(view, changes)}
                    />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
      <nav className="bp-phone__nav" aria-label={t('phone.views')}>
        <Link to={`/s/${encodeURIComponent(sessionId)}`}>{t('phone.toBoard')}</Link>
        <Link to={`/s/${encodeURIComponent(sessionId)}/lijst`}>{t('phone.toList')}</Link>
      </nav>
    </div>
  )
}
