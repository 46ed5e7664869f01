/** The actielijst stores in memory: the reference the contract suite holds SQLite to. */
import type { ActieStatusEntry, ActieStore, CarryOver } from './ActieStore'

export class MemoryActieStore implements ActieStore {
  private readonly statuses: ActieStatusEntry[] = []
  private readonly carries: CarryOver[] = []
  private readonly feeds = new Map<string, { themagroep: string; tokenHash: string }>()

  async addStatus(entry: ActieStatusEntry): Promise<void> {
    this.statuses.push({ ...entry })
  }

  async statusesFor(sessionIds: readonly string[]): Promise<ActieStatusEntry[]> {
    const ids = new Set(sessionIds)
    return this.statuses.filter((s) => ids.has(s.sessionId)).map((s) => ({ ...s }))
  }

  async addCarryOver(link: CarryOver): Promise<void> {
    this.carries.push({ ...link })
  }

  async carryOversFor(sessionIds: readonly string[]): Promise<CarryOver[]> {
    const ids = new Set(sessionIds)
    return this.carries.filter((c) => ids.has(c.fromSessionId) || ids.has(c.toSessionId)).map((c) => ({ ...c }))
  }

  async setFeed(key: string, themagroep: string, tokenHash: string): Promise<void> {
    const existing = this.feeds.get(key)
    this.feeds.set(key, { themagroep: existing?.themagroep ?? themagroep, tokenHash })
  }

  async feedByHash(tokenHash: string): Promise<string | null> {
    for (const feed of this.feeds.values()) if (feed.tokenHash === tokenHash) return feed.themagroep
    return null
  }

  async deleteSession(sessionId: string): Promise<void> {
    for (let i = this.statuses.length - 1; i >= 0; i--) if (this.statuses[i]!.sessionId === sessionId) this.statuses.splice(i, 1)
    for (let i = this.carries.length - 1; i >= 0; i--) {
      const c = this.carries[i]!
      if (c.fromSessionId === sessionId || c.toSessionId === sessionId) this.carries.splice(i, 1)
    }
  }
}
