/** The history store in memory: the reference implementation of the contract. */
import type { HistoryVersionSummary } from '../../shared/history'
import type { HistoryStore, NewHistoryVersion, StoredHistoryVersion } from './HistoryStore'

const summaryOf = ({ sessionId: _s, content: _c, ...summary }: StoredHistoryVersion): HistoryVersionSummary => ({
  ...summary,
  actorNames: [...summary.actorNames],
  counts: { ...summary.counts },
})

export class MemoryHistoryStore implements HistoryStore {
  private readonly sessions = new Map<string, { next: number; versions: StoredHistoryVersion[] }>()

  async add(version: NewHistoryVersion): Promise<HistoryVersionSummary> {
    let session = this.sessions.get(version.sessionId)
    if (!session) {
      session = { next: 1, versions: [] }
      this.sessions.set(version.sessionId, session)
    }
    const stored: StoredHistoryVersion = {
      ...version,
      version: session.next++,
      actorNames: [...version.actorNames],
      counts: { ...version.counts },
      content: version.content.slice(),
    }
    session.versions.push(stored)
    return summaryOf(stored)
  }

  async list(sessionId: string): Promise<HistoryVersionSummary[]> {
    return [...(this.sessions.get(sessionId)?.versions ?? [])].reverse().map(summaryOf)
  }

  async get(sessionId: string, version: number): Promise<StoredHistoryVersion | null> {
    const found = this.sessions.get(sessionId)?.versions.find((v) => v.version === version)
    return found ? { ...summaryOf(found), sessionId, content: found.content.slice() } : null
  }

  async prune(sessionId: string, keep: number): Promise<number> {
    const session = this.sessions.get(sessionId)
    if (!session) return 0
    const newestFirst = [...session.versions].reverse()
    const kept = newestFirst.filter((v, i) => i < Math.max(1, keep) || v.kind === 'vaststelling')
    const dropped = session.versions.length - kept.length
    session.versions = kept.reverse()
    return dropped
  }
}
