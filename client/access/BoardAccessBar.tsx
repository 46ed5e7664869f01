import type { Editor } from 'tldraw'
import { useIdentity } from '../identity/useIdentity'
import { canEditVerslag } from '../panel/permissions'
import { Link } from '../router/Link'
import { useT } from '../i18n/useT'
import './access.css'
import { DeleteSessionButton } from '../privacy/DeleteSessionButton'
import { InviteButton } from './InviteButton'
import { useReadOnlyBoard } from './useReadOnlyBoard'

/**
 * What the caller's role adds to the board's header: "Uitnodigen" for a
 * themacoördinator (SPEC P10), "Geschiedenis" for the coördinator and the
 * secretariaat (P21), the register for an invited secretariaat (R11), a
 * read-only canvas and badge for a waarnemer (P6).
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
  const invites = (me?.kind === 'user' && me.role === 'coordinator') || me?.kind === 'admin'
  const history = me !== null && canEditVerslag(me)
  // R11: an invited secretariaat has no start page; the register of its themagroep is one click from its board.
  const register = me?.kind === 'participant' && me.role === 'secretariaat'
  if (!invites && !history) return null
  return (
    <>
      {register && (
        <Link to="/regelruimte" className="bp-history-link">
          {t('regelruimte.link')}
        </Link>
      )}
      {history && (
        <Link to={`/s/${encodeURIComponent(sessionId)}/geschiedenis`} className="bp-history-link">
          {t('history.link')}
        </Link>
      )}
      {invites && <InviteButton sessionId={sessionId} />}
      {invites && <DeleteSessionButton sessionId={sessionId} />}
    </>
  )
}
