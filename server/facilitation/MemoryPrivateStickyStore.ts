/** The reference implementation of PrivateStickyStore: nothing survives the process. */
import type { Tag } from '../../shared/tags'
import type { PrivateStickyStore, StoredPrivateSticky } from './PrivateStickyStore'

export class MemoryPrivateStickyStore implements PrivateStickyStore {
  private readonly rows: StoredPrivateSticky[] = []

  async add(sticky: StoredPrivateSticky): Promise<void> {
    if (this.rows.some((r) => r.id === sticky.id)) throw new Error(`private sticky ${sticky.id} exists`)
    this.rows.push({ ...sticky })
  }

  async listByAuthor(sessionId: string, authorId: string): Promise<StoredPrivateSticky[]> {
    return this.rows.filter((r) => r.sessionId === sessionId && r.authorId === authorId).map((r) => ({ ...r }))
  }

  async listBySession(sessionId: string): Promise<StoredPrivateSticky[]> {
    return this.rows.filter((r) => r.sessionId === sessionId).map((r) => ({ ...r }))
  }

  async update(sessionId: string, authorId: string, id: string, patch: { text?: string; tag?: Tag }): Promise<StoredPrivateSticky | null> {
    const row = this.rows.find((r) => r.id === id && r.sessionId === sessionId && r.authorId === authorId)
    if (!row) return null
    if (patch.text !== undefined) row.text = patch.text
    if (patch.tag !== undefined) row.tag = patch.tag
    return { ...row }
  }

  async remove(sessionId: string, authorId: string, id: string): Promise<boolean> {
    const i = this.rows.findIndex((r) => r.id === id && r.sessionId === sessionId && r.authorId === authorId)
    if (i < 0) return false
    this.rows.splice(i, 1)
    return true
  }

  async removeMany(sessionId: string, ids: readonly string[]): Promise<void> {
    const gone = new Set(ids)
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i]!
      if (row.sessionId === sessionId && gone.has(row.id)) this.rows.splice(i, 1)
    }
  }

  async close(): Promise<void> {}
}
