/**
 * One-time account links (SPEC U2, U3, U10): an invitation to make an account
 * or a password reset. Only the SHA-256 of the token is stored (P19); a link
 * is used at most once (`use` is the atomic step that decides).
 */
import type { AccountRole } from '../../shared/access'
import type { AccountLinkPurpose } from '../../shared/accounts'

export interface AccountLinkRecord {
  id: string
  tokenHash: string
  purpose: AccountLinkPurpose
  /** Lower-case. */
  email: string
  role: AccountRole
  themagroepen: string[]
  /** The account a reset is for; null for an invitation. */
  userId: string | null
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

export interface AccountLinkStore {
  create(link: AccountLinkRecord): Promise<void>
  getByTokenHash(tokenHash: string): Promise<AccountLinkRecord | null>
  /** Marks the link used; false when it was used already (the first use wins). */
  use(id: string, at: string): Promise<boolean>
}

export interface AccountStores {
  readonly accountLinks: AccountLinkStore
}
