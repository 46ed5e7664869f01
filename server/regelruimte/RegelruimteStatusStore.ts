/**
 * The status history of regelruimte requests (SPEC R5), opened through
 * REGELRUIMTE_STORES on any backend, with its contract suite
 * (test/integration/storage.regelruimteContract.ts). Append-only.
 */
import type { StatusChange } from '../../shared/regelruimte'

export interface RegelruimteStatusEntry extends StatusChange {
  sessionId: string
  stickyId: string
}

export interface RegelruimteStatusStore {
  /** Appends one change durably. */
  add(entry: RegelruimteStatusEntry): Promise<void>
  /** Every change recorded for a session, in the order they were added. */
  listForSession(sessionId: string): Promise<RegelruimteStatusEntry[]>
}

export interface RegelruimteStores {
  readonly regelruimteStatus: RegelruimteStatusStore
}
