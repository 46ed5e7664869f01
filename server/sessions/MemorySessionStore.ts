/** The session index in memory: the reference implementation of SessionStore. */
import type { SessionSummary } from '../../shared/api'
import type { SessionStore } from './SessionStore'

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionSummary>()

  async create(session: SessionSummary): Promise<void> {
    if (this.sessions.has(session.id)) throw new Error(`session ${session.id} already exists`)
    this.sessions.set(session.id, { ...session })
  }

  async get(id: string): Promise<SessionSummary | null> {
    const found = this.sessions.get(id)
    return found ? { ...found } : null
  }

  async list(): Promise<SessionSummary[]> {
    return [...this.sessions.values()]
      .map((s) => ({ ...s }))
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1))
  }

  async update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void> {
    const found = this.sessions.get(id)
    if (!found) return
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    this.sessions.set(id, { ...found, ...defined })
  }
}
