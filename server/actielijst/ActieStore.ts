/**
 * What the actielijst stores (SPEC A4, A6, A8), opened through ACTIE_STORES
 * on any backend, with its contract suite
 * (test/integration/storage.actieContract.ts): the status history of
 * afspraken (append-only; the last entry is the current status), the links
 * of carried-over afspraken, and the hashed secret of each themagroep's
 * calendar feed.
 */
import type { ActieStatus } from '../../shared/actielijst'

export interface ActieStatusEntry {
  sessionId: string
  stickyId: string
  from: ActieStatus | null
  to: ActieStatus
  at: string
  actor: string
  actorName: string
  detail: string
}

export interface CarryOver {
  fromSessionId: string
  fromStickyId: string
  toSessionId: string
  toStickyId: string
  at: string
}

export interface ActieStore {
  addStatus(entry: ActieStatusEntry): Promise<void>
  /** Every status change of these sessions' afspraken, oldest first. */
  statusesFor(sessionIds: readonly string[]): Promise<ActieStatusEntry[]>
  addCarryOver(link: CarryOver): Promise<void>
  /** Every carry-over from or to one of these sessions. */
  carryOversFor(sessionIds: readonly string[]): Promise<CarryOver[]>
  /** Replaces the themagroep's feed secret (stored as its SHA-256; `key` is the normalised themagroep name). */
  setFeed(key: string, themagroep: string, tokenHash: string, at: string): Promise<void>
  /** The themagroep (as first spelled) whose feed secret hashes to `tokenHash`, or null. */
  feedByHash(tokenHash: string): Promise<string | null>
  /** Forgets everything about a session (its deletion). */
  deleteSession(sessionId: string): Promise<void>
}

export interface ActieStores {
  readonly actielijst: ActieStore
}
