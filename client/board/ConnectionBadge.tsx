import { useT } from '../i18n/useT'
import type { ConnectionStatus } from '../sync/connectionStatus'

const KEY = {
  verbonden: 'status.verbonden',
  'opnieuw verbinden': 'status.opnieuwVerbinden',
  offline: 'status.offline',
} as const

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useT()
  return (
    <span
      className={`bp-status bp-status--${status.replace(' ', '-')}`}
      data-status={status}
      role="status"
      title={status === 'verbonden' ? undefined : t('status.offlineHint')}
    >
      <span className="bp-status__dot" aria-hidden="true" />
      {t(KEY[status])}
    </span>
  )
}
