/** In-memory status history (the reference implementation of its contract). */
import type { RegelruimteStatusEntry, RegelruimteStatusStore } from './RegelruimteStatusStore'

export class MemoryRegelruimteStatusStore implements RegelruimteStatusStore {
  private readonly bySession = new Map<string, RegelruimteStatusEntry[]>()

  async add(entry: RegelruimteStatusEntry): Promise<void> {
    const list = this.bySession.get(entry.sessionId) ?? []
    list.push({ ...entry })
    this.bySession.set(entry.sessionId, list)
  }

  async listForSession(sessionId: string): Promise<RegelruimteStatusEntry[]> {
    return (this.bySession.get(sessionId) ?? []).map((e) => ({ ...e }))
  }
}
