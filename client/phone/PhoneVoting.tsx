import { useState } from 'react'
import type { DomainBoard, DomainSheet } from '../../shared/boardModel'
import type { FacilitationState } from '../../shared/facilitation'
import { voteCount } from '../../shared/sticky'
import { TAG_INFO } from '../../shared/tags'
import { ErrorMessage } from '../api/ErrorMessage'
import { tagLabel } from '../i18n/domainLabels'
import { useT } from '../i18n/useT'
import { castVote } from './votesApi'

/**
 * Dot voting on the phone during `stemmen` (SPEC M6, F10): the stickies in
 * the vote scope per sheet, each with the caller's dots and large buttons to
 * add or take back one; the server enforces the budget. Counts are read live
 * from the stickies' `meta.votes`.
 */
export function PhoneVoting({
  sessionId,
  board,
  sheets,
  facilitation,
  voterId,
}: {
  sessionId: string
  board: DomainBoard
  sheets: readonly DomainSheet[]
  facilitation: FacilitationState
  voterId: string
}) {
  const t = useT()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const { tags, sheetIds } = facilitation.voteScope
  const eligible = board.stickies.filter((s) => (tags.length === 0 || tags.includes(s.tag)) && (sheetIds.length === 0 || (s.sheetId !== null && sheetIds.includes(s.sheetId))))
  const used = board.stickies.reduce((sum, s) => sum + (s.meta.votes?.[voterId] ?? 0), 0)
  const remaining = Math.max(0, facilitation.voteBudget - used)

  const vote = async (stickyId: string, add: boolean) => {
    setBusy(stickyId)
    setError(null)
    try {
      await castVote(sessionId, stickyId, add)
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(null)
    }
  }

  const groups = [...sheets.map((sheet) => ({ id: sheet.id, name: sheet.name || t('phone.unnamedSheet') })), { id: null, name: t('phone.outsideSheets') }]
    .map((group) => ({ ...group, stickies: eligible.filter((s) => s.sheetId === group.id) }))
    .filter((group) => group.stickies.length > 0)

  return (
    <section className="bp-phone__voting" aria-labelledby="phone-voting-title">
      <h2 id="phone-voting-title">{t('phone.voting')}</h2>
      <p className="bp-phone__budget" role="status" data-remaining={remaining}>
        {t('phone.votesLeft', { count: remaining, budget: facilitation.voteBudget })}
      </p>
      {error !== null && <ErrorMessage error={error} />}
      {groups.map((group) => (
        <div key={group.id ?? 'outside'}>
          <h3>{group.name}</h3>
          <ul className="bp-phone__list">
            {group.stickies.map((sticky) => {
              const mine = sticky.meta.votes?.[voterId] ?? 0
              return (
                <li key={sticky.id} className="bp-phone__sticky" data-vote-sticky={sticky.id} style={{ ['--bp-tag' as string]: TAG_INFO[sticky.tag].hex }}>
                  <p className="bp-phone__stickytag">
                    <span aria-hidden="true">{TAG_INFO[sticky.tag].symbol}</span> {tagLabel(sticky.tag)}
                    <span className="bp-muted"> · {t('phone.votesTotal', { count: voteCount(sticky.meta) })}</span>
                  </p>
                  <p className="bp-phone__stickytext">{sticky.text}</p>
                  <div className="bp-phone__actions">
                    <button type="button" className="bp-phone__vote" data-vote="add" disabled={busy !== null || remaining === 0} onClick={() => void vote(sticky.id, true)} aria-label={t('phone.voteAdd', { text: sticky.text })}>
                      + {t('phone.dot')}
                    </button>
                    <span className="bp-phone__mine" data-mine={mine}>
                      {t('phone.votesMine', { count: mine })}
                    </span>
                    <button type="button" className="bp-phone__vote" data-vote="remove" disabled={busy !== null || mine === 0} onClick={() => void vote(sticky.id, false)} aria-label={t('phone.voteRemove', { text: sticky.text })}>
                      − {t('phone.dot')}
                    </button>
                  </div>
                </li>
              )
            })}
          </ul>
        </div>
      ))}
    </section>
  )
}
