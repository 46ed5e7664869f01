/**
 * The document log: the one store the core owns. Every implementation
 * (memory, SQLite; PostgreSQL later) passes the same suite:
 * test/integration/storage.contract.ts.
 *
 * Documents are kept as an append-only log of Yjs updates per room plus an
 * optional compacted snapshot: load = snapshot + updates after it.
 */

export interface StoredDoc {
  /** Merged state up to `snapshotSeq`, or null when the room was never compacted. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[]
  /** Sequence number of the last update included (snapshot or log); 0 for an empty room. */
  lastSeq: number
}

export interface DocStore {
  /** Appends one update durably; resolves only once it is stored. Returns its sequence number. */
  appendUpdate(room: string, update: Uint8Array): Promise<number>
  /** The room's snapshot and the updates after it (empty for an unknown room). */
  load(room: string): Promise<StoredDoc>
  /** Replaces the snapshot and drops every update with seq <= `uptoSeq`, atomically. */
  compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /** Number of log entries after the snapshot. */
  pendingUpdates(room: string): Promise<number>
}
