import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { TAG_INFO } from '../../shared/tags'
import { tagLabel } from '../i18n/domainLabels'
import { useT } from '../i18n/useT'
import { $lastRetag } from './boardState'

const SHOWN_MS = 4000

/**
 * "2 stickies → ! Conclusie · Ctrl+Z maakt het ongedaan", for a few seconds
 * after the selection was retagged: a digit pressed right after writing a
 * sticky retags it (it is still selected), which is easy to miss otherwise.
 */
export function RetagNotice() {
  const t = useT()
  const last = useValue($lastRetag)
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    if (!last) return
    setVisible(true)
    const timer = setTimeout(() => setVisible(false), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [last])
  return (
    <div className="bp-retag-notice" role="status" aria-live="polite">
      {visible && last && (
        <span style={{ ['--bp-tag' as string]: TAG_INFO[last.tag].hex }}>
          {last.count === 1 ? t('retag.one') : t('retag.many', { count: last.count })} →{' '}
          <span className="bp-tag__symbol" aria-hidden="true">
            {TAG_INFO[last.tag].symbol}
          </span>{' '}
          <strong>{tagLabel(last.tag)}</strong> · {t('retag.undo')}
        </span>
      )}
    </div>
  )
}
