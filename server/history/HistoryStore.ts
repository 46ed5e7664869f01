/**
 * Where the board's versions are kept (SPEC H1–H19). Separate from the
 * document's update log: compaction of the log never touches a version (H4).
 * Every implementation passes test/integration/history.storeContract.ts.
 */
import type { BoardCounts, HistoryKind, HistoryVersionSummary } from '../../shared/history'

export interface NewHistoryVersion {
  sessionId: string
  takenAt: string
  kind: HistoryKind
  detail: string | null
  actorNames: string[]
  counts: BoardCounts
  /** The version's content, compressed (see versionContent.ts). */
  content: Uint8Array
}

export interface StoredHistoryVersion extends HistoryVersionSummary {
  sessionId: string
  content: Uint8Array
}

export interface HistoryStore {
  /** Stores a version under the session's next number (1, 2, …; numbers are never reused). */
  add(version: NewHistoryVersion): Promise<HistoryVersionSummary>
  /** The session's versions without content, newest first. */
  list(sessionId: string): Promise<HistoryVersionSummary[]>
  get(sessionId: string, version: number): Promise<StoredHistoryVersion | null>
  /**
   * Drops the oldest versions of the session beyond the newest `keep`, except
   * versions of kind vaststelling (H5); the newest is always kept (`keep` is
   * at least 1). Returns how many were dropped.
   */
  prune(sessionId: string, keep: number): Promise<number>
}
