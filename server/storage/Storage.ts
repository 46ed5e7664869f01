/**
 * The one storage contract of the server. Every implementation (memory,
 * SQLite, PostgreSQL) passes the same suite: test/integration/storage.contract.ts.
 *
 * Documents are kept as an append-only log of Yjs updates per room plus an
 * optional compacted snapshot: load = snapshot + updates after it.
 */
import type { SessionSummary } from '../../shared/api'
import type { AccessStores } from '../access/AccessStores'
import type { RegelruimteStores } from './RegelruimteStatusStore'
import type { VerslagStores } from './VerslagStores'

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

export interface SessionStore {
  create(session: SessionSummary): Promise<void>
  get(id: string): Promise<SessionSummary | null>
  /** All sessions, newest first. */
  list(): Promise<SessionSummary[]>
  update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void>
}

/**
 * Documents and the session index, plus the access stores (users, logins,
 * themagroepen, invites, audit), the verslag stores (versions, pictures) and
 * the regelruimte status history.
 */
export interface Storage extends AccessStores, VerslagStores, RegelruimteStores {
  readonly docs: DocStore
  readonly sessions: SessionStore
  /** Flushes and releases resources. */
  close(): Promise<void>
}
