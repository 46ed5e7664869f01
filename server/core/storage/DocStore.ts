/**
 * The document log: the one store the core owns. Every implementation
 * (memory, SQLite, PostgreSQL) passes the same suite:
 * test/integration/storage.contract.ts.
 *
 * Documents are kept as an append-only log of Yjs updates per room plus an
 * optional compacted snapshot: load = snapshot + updates after it.
 */

/**
 * The position of one logged update (its sequence number): what `appendUpdate`
 * returns and `load` lists, and what `compact` is told to replace.
 */
export type DocRef = number

export interface StoredDoc {
  /** Merged state of every compaction so far, or null when the room was never compacted. */
  snapshot: Uint8Array | null
  /** Updates still in the log, oldest first. */
  updates: Uint8Array[]
  /** The reference of each entry of `updates`, same order. */
  refs: DocRef[]
  /** Highest sequence number included (snapshot or log); 0 for an empty room. */
  lastSeq: number
}

/**
 * The document log (S5, S10). Several server instances may share one log:
 * each compacts only what it merged, so whatever another instance appended
 * meanwhile survives.
 */
export interface DocStore {
  /** Appends one update durably; resolves only once it is stored. Returns its position. */
  appendUpdate(room: string, update: Uint8Array): Promise<DocRef>
  /** The room's snapshot, the updates logged after it and their references (empty for an unknown room). */
  load(room: string): Promise<StoredDoc>
  /**
   * Atomically merges `snapshot` into the stored snapshot and deletes exactly
   * the log entries `refs` names (those `snapshot` includes). Entries not
   * named stay, whenever they were appended; an unknown ref is ignored.
   */
  compact(room: string, snapshot: Uint8Array, refs: readonly DocRef[]): Promise<void>
  /** Number of log entries after the snapshot. */
  pendingUpdates(room: string): Promise<number>
}
