import { useState } from 'react'
import { useT } from '../i18n/useT'
import { InviteDialog } from './InviteDialog'

/** The board's "Uitnodigen" button with its dialog; shown to themacoördinatoren only. */
export function InviteButton({ sessionId }: { sessionId: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="bp-invite-button" onClick={() => setOpen(true)}>
        {t('invite.button')}
      </button>
      {open && <InviteDialog sessionId={sessionId} onClose={() => setOpen(false)} />}
    </>
  )
}
