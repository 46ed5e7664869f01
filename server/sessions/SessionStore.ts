/**
 * The session index: what listing sessions and deciding access need without
 * loading a document. Part of the storage contract suite
 * (test/integration/storage.contract.ts).
 */
import type { SessionSummary } from '../../shared/api'

export interface SessionStore {
  create(session: SessionSummary): Promise<void>
  get(id: string): Promise<SessionSummary | null>
  /** All sessions, newest first. */
  list(): Promise<SessionSummary[]>
  update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void>
}
