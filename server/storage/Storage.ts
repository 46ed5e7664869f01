/**
 * The one storage contract of the server. Every implementation (memory,
 * SQLite, PostgreSQL) passes the same suite: test/integration/storage.contract.ts.
 *
 * Documents are kept as an append-only log of Yjs updates per room plus an
 * optional compacted snapshot: load = snapshot + updates after it.
 */
import type { SessionSummary } from '../../shared/api'
import type { AccessStores } from '../access/AccessStores'
import type { HistoryStore } from '../history/HistoryStore'
import type { RegelruimteStores } from './RegelruimteStatusStore'
import type { VerslagStores } from './VerslagStores'

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
  /** history: the board's restorable versions (server/history; until the extension stores land). */
  readonly history: HistoryStore
  /** Flushes and releases resources. */
  close(): Promise<void>
}
