import { useState } from 'react'
import { useT } from '../i18n/useT'
import { ImportDialog } from './ImportDialog'

/** "Verslag importeren" on the start page, for whoever may create sessions. */
export function ImportButton() {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="bp-import-open" onClick={() => setOpen(true)} data-action="import">
        {t('import.open')}
      </button>
      {open && <ImportDialog onClose={() => setOpen(false)} />}
    </>
  )
}
