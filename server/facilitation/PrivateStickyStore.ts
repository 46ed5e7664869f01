/**
 * Where the server holds a deelnemer's stickies during stil-schrijven (SPEC
 * F6, F9): per session and author, apart from the shared document, so that
 * no other connection ever receives them. Implementations: memory and
 * SQLite; both pass test/integration/facilitation.storeContract.ts.
 */
import type { Tag } from '../../shared/tags'

export interface StoredPrivateSticky {
  id: string
  sessionId: string
  authorId: string
  authorName: string
  authorOrganisation: string
  text: string
  tag: Tag
  /** Frame id of the sheet the writer had in view; null = the first sheet. */
  sheetId: string | null
  /** ISO timestamp. */
  createdAt: string
}

export interface PrivateStickyStore {
  add(sticky: StoredPrivateSticky): Promise<void>
  /** One author's stickies in a session, oldest first. */
  listByAuthor(sessionId: string, authorId: string): Promise<StoredPrivateSticky[]>
  /** Every private sticky of a session, oldest first. */
  listBySession(sessionId: string): Promise<StoredPrivateSticky[]>
  /** Changes text and/or tag of the author's own sticky; null when it is not theirs or gone. */
  update(sessionId: string, authorId: string, id: string, patch: { text?: string; tag?: Tag }): Promise<StoredPrivateSticky | null>
  /** Deletes the author's own sticky; false when it is not theirs or gone. */
  remove(sessionId: string, authorId: string, id: string): Promise<boolean>
  /** Deletes the given stickies of a session (after they were placed on the board). */
  removeMany(sessionId: string, ids: readonly string[]): Promise<void>
  close(): Promise<void>
}
