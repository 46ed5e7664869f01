/**
 * Stores for vastgestelde versies of a verslag and the board picture,
 * opened through VERSLAG_STORES on any backend, with their contract suite
 * (test/integration/storage.verslagContract.ts).
 */
import type { PictureType } from '../../shared/verslag/versions'

export interface StoredPicture {
  contentType: PictureType
  data: Uint8Array
  /** ISO timestamp of the upload. */
  updatedAt: string
}

export interface VerslagVersionRecord {
  sessionId: string
  versie: number
  vastgesteldAt: string
  vastgesteldOp: string
  /** Audit id of who did it ("user:…", "participant:…", "admin"). */
  actor: string
  actorName: string
  /** The built models as JSON, per language: `{"nl": Verslag, "en": Verslag}`. */
  models: string
  /** The board picture as it was at the vaststelling, if any. */
  picture: StoredPicture | null
}

export type VerslagVersionHead = Omit<VerslagVersionRecord, 'models' | 'picture'> & { hasPicture: boolean }

export interface VersionStore {
  /** Stores a version; false (nothing written) when this number exists already for the session. */
  add(version: VerslagVersionRecord): Promise<boolean>
  /** Versions of a session without their content, oldest first. */
  list(sessionId: string): Promise<VerslagVersionHead[]>
  get(sessionId: string, versie: number): Promise<VerslagVersionRecord | null>
  /** The highest version of a session, or null. */
  latest(sessionId: string): Promise<VerslagVersionRecord | null>
}

export interface PictureStore {
  /** Replaces the session's current board picture. */
  put(sessionId: string, picture: StoredPicture): Promise<void>
  get(sessionId: string): Promise<StoredPicture | null>
}

export interface VerslagStores {
  readonly versions: VersionStore
  readonly pictures: PictureStore
}
