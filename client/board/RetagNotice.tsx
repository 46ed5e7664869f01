import { useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { TAG_INFO } from '../../shared/tags'
import { tagLabel } from '../i18n/domainLabels'
import { useT } from '../i18n/useT'
import { $lastRetag } from './boardState'
import { isMac, isTouchOnly } from './platform'
import { undoChord } from './shortcuts'

const SHOWN_MS = 5000

/**
 * "2 stickies → ! Conclusie", for a few seconds after the selection was
 * retagged, with the undo named per platform (F21): a button "Ongedaan
 * maken" on touch, Ctrl+Z or ⌘Z on a keyboard.
 */
export function RetagNotice({ editor }: { editor: Editor }) {
  const t = useT()
  const last = useValue($lastRetag)
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    if (!last) return
    setVisible(true)
    const timer = setTimeout(() => setVisible(false), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [last])
  const touch = isTouchOnly()
  return (
    <div className="bp-retag-notice" role="status" aria-live="polite">
      {visible && last && (
        <span style={{ ['--bp-tag' as string]: TAG_INFO[last.tag].hex }}>
          {last.count === 1 ? t('retag.one') : t('retag.many', { count: last.count })} →{' '}
          <span className="bp-tag__symbol" aria-hidden="true">
            {TAG_INFO[last.tag].symbol}
          </span>{' '}
          <strong>{tagLabel(last.tag)}</strong> ·{' '}
          {touch ? (
            <button
              type="button"
              className="bp-retag-notice__undo"
              onClick={() => {
                editor.undo()
                setVisible(false)
              }}
            >
              {t('retag.undoButton')}
            </button>
          ) : (
            t('retag.undo', { chord: undoChord(isMac()) })
          )}
        </span>
      )}
    </div>
  )
}
