import type { RegelruimteStatus } from '../../shared/sticky'

/**
 * A request's status as a badge: its colour and its (Dutch, domain) word, so
 * that the status never depends on colour alone.
 */
export function StatusBadge({ status }: { status: RegelruimteStatus }) {
  return (
    <span className="bp-status" data-status={status}>
      {status}
    </span>
  )
}
