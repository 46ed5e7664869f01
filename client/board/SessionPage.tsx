import 'tldraw/tldraw.css'
import '../styles/board.css'
import { useState } from 'react'
import { ParticipantDialog } from '../identity/ParticipantDialog'
import { useParticipant } from '../identity/useParticipant'
import { useT } from '../i18n/useT'
import { Board } from './Board'

/** The board of one session (lazy-loaded: tldraw stays out of the start page's chunk). */
export default function SessionPage({ sessionId }: { sessionId: string }) {
  const t = useT()
  const { participant, ready, save: saveParticipant } = useParticipant()
  const [editingIdentity, setEditingIdentity] = useState(false)
  if (!participant && !ready) return <div className="bp-center">{t('board.loading')}</div>
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
