import 'tldraw/tldraw.css'
import '../styles/board.css'
import { useState } from 'react'
import { ParticipantDialog } from '../identity/ParticipantDialog'
import { useIdentity } from '../identity/useIdentity'
import { useParticipant } from '../identity/useParticipant'
import { useT } from '../i18n/useT'
import { Link } from '../router/Link'
import { Board } from './Board'

/** The board of one session (lazy-loaded: tldraw stays out of the start page's chunk). */
export default function SessionPage({ sessionId }: { sessionId: string }) {
  const t = useT()
  const { participant, ready, save: saveParticipant } = useParticipant()
  const identity = useIdentity()
  const [editingIdentity, setEditingIdentity] = useState(false)
  if (identity.status === 'loading' || (!participant && !ready)) return <div className="bp-center">{t('board.loading')}</div>
  if (identity.identity?.me.kind === 'anonymous') {
    // The server has an access layer and does not know this browser: no board without an invite or sign-in.
    return (
      <div className="bp-center">
        <p className="bp-error">{t('board.unauthorized')}</p>
        <Link to="/">{t('login.title')}</Link>
      </div>
    )
  }
  if (!participant) {
    return (
      <div className="bp-board bp-board--empty">
        <ParticipantDialog initial={null} onSave={saveParticipant} />
      </div>
    )
  }
  return (
    <>
      <Board sessionId={sessionId} participant={participant} onEditIdentity={() => setEditingIdentity(true)} dialogOpen={editingIdentity} />
      {editingIdentity && (
        <ParticipantDialog
          initial={participant}
          onSave={(fields) => {
            saveParticipant(fields)
            setEditingIdentity(false)
          }}
          onCancel={() => setEditingIdentity(false)}
        />
      )}
    </>
  )
}
