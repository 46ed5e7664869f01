/**
 * The status history of regelruimte requests (SPEC R5), part of the one
 * Storage interface (server/storage/Storage.ts) and of its contract suite
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
