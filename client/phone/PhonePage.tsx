import './phone.css'
import { useMemo } from 'react'
import type { MeResponse } from '../../shared/access'
import { CloseCode } from '../../shared/closeCodes'
import { compareReadingOrder } from '../../shared/boardModel'
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
import { OwnSticky } from './OwnSticky'
import { PhoneComposer } from './PhoneComposer'

/**
 * The phone page `/s/:id/telefoon` (SPEC M1–M6): no canvas, no tldraw. Write
 * a sticky with a tag and send it; see and edit your own; follow the
 * session. Lazy-loaded; it and everything before it stay under 200 kB.
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

function PhoneSession({ sessionId, participant, me }: { sessionId: string; participant: Participant; me: MeResponse | null }) {
  const t = useT()
  const state = useSessionDoc(sessionId)
  const doc = state.session?.doc ?? null
  const info = useSessionInfo(doc)
  const board = useDocBoard(doc)
  const status = useConnectionStatus(state.session?.provider ?? null)
  const readOnly = !canEditBoard(me)

  const sheets = useMemo(() => [...board.sheets].sort((a, b) => compareReadingOrder(a, b, 200)), [board.sheets])
  const sheetName = useMemo(() => new Map(board.sheets.map((s) => [s.id, s.name])), [board.sheets])
  const mine = useMemo(
    () =>
      board.stickies
        .filter((s) => s.meta.author?.id === participant.id)
        .sort((a, b) => (b.meta.createdAt ?? '').localeCompare(a.meta.createdAt ?? '') || a.id.localeCompare(b.id)),
    [board.stickies, participant.id],
  )

  const refused = state.refused
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
            {readOnly ? <p className="bp-muted">{t('board.readOnlyHint')}</p> : <PhoneComposer sessionId={sessionId} sheets={sheets} />}
            <section className="bp-phone__mine" aria-labelledby="phone-mine-title">
              <h2 id="phone-mine-title">{t('phone.mine', { count: mine.length })}</h2>
              {mine.length === 0 ? (
                <p className="bp-muted">{t('phone.mineEmpty')}</p>
              ) : (
                <ul className="bp-phone__list">
                  {doc &&
                    mine.map((sticky) => (
                      <OwnSticky key={sticky.id} doc={doc} sticky={sticky} sheetName={sticky.sheetId ? (sheetName.get(sticky.sheetId) ?? null) : null} readOnly={readOnly} />
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
