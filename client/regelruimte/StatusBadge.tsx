import type { RegelruimteStatus } from '../../shared/sticky'
import { VERSLAG_LABELS } from '../../shared/verslag/labels'
import { useLanguage } from '../i18n/useLanguage'

/**
 * A request's status as a badge: its colour and its word in the UI's
 * language (as the verslag words it), so that the status never depends on
 * colour alone.
 */
export function StatusBadge({ status }: { status: RegelruimteStatus }) {
  const [language] = useLanguage()
  return (
    <span className="bp-status" data-status={status}>
      {VERSLAG_LABELS[language].statusLabel[status]}
    </span>
  )
}
