import type { Editor } from 'tldraw'
import { useIdentity } from '../identity/useIdentity'
import { useT } from '../i18n/useT'
import './access.css'
import { InviteButton } from './InviteButton'
import { useReadOnlyBoard } from './useReadOnlyBoard'

/**
 * What the caller's role adds to the board's header: "Uitnodigen" for a
 * themacoördinator (SPEC P10), a read-only canvas and badge for a waarnemer (P6).
 */
export function BoardAccessBar({ sessionId, editor }: { sessionId: string; editor: Editor | null }) {
  const t = useT()
  const identity = useIdentity()
  const me = identity.status === 'ready' ? (identity.identity?.me ?? null) : null
  const waarnemer = me?.kind === 'participant' && me.role === 'waarnemer'
  useReadOnlyBoard(editor, waarnemer)
  if (waarnemer) {
    return (
      <span className="bp-readonly" title={t('board.readOnlyHint')} data-testid="read-only">
        {t('board.readOnly')}
      </span>
    )
  }
  if ((me?.kind === 'user' && me.role === 'coordinator') || me?.kind === 'admin') return <InviteButton sessionId={sessionId} />
  return null
}
