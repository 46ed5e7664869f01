/** In-memory account links (tests). */
import type { AccountLinkRecord, AccountLinkStore } from './AccountLinkStore'

export class MemoryAccountLinkStore implements AccountLinkStore {
  private readonly byHash = new Map<string, AccountLinkRecord>()
  async create(link: AccountLinkRecord): Promise<void> {
    this.byHash.set(link.tokenHash, structuredClone(link))
  }
  async getByTokenHash(tokenHash: string): Promise<AccountLinkRecord | null> {
    const link = this.byHash.get(tokenHash)
    return link ? structuredClone(link) : null
  }
  async use(id: string, at: string): Promise<boolean> {
    const link = [...this.byHash.values()].find((l) => l.id === id)
    if (!link || link.usedAt !== null) return false
    link.usedAt = at
    return true
  }
}
