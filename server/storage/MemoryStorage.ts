/**
 * In-memory storage: the reference implementation of the contract, used in
 * tests and benchmarks. Nothing survives the process.
 */
import type { SessionSummary } from '../../shared/api'
import { createMemoryAccessStores } from '../access/MemoryAccessStores'
import { MemoryRegelruimteStatusStore } from './MemoryRegelruimteStatusStore'
import { createMemoryVerslagStores } from './MemoryVerslagStores'
import { mergeSnapshots } from './mergeSnapshots'
import type { DocRef, DocStore, SessionStore, Storage, StoredDoc } from './Storage'

interface MemoryRoom {
  snapshot: Uint8Array | null
  snapshotSeq: number
  updates: { seq: number; data: Uint8Array }[]
}

class MemoryDocStore implements DocStore {
  private readonly rooms = new Map<string, MemoryRoom>()
  private seq = 0

  private room(name: string): MemoryRoom {
    let room = this.rooms.get(name)
    if (!room) {
      room = { snapshot: null, snapshotSeq: 0, updates: [] }
      this.rooms.set(name, room)
    }
    return room
  }

  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    const seq = ++this.seq
    this.room(room).updates.push({ seq, data: update.slice() })
    return seq
  }

  async load(room: string): Promise<StoredDoc> {
    const stored = this.rooms.get(room)
    if (!stored) return { snapshot: null, updates: [], refs: [], lastSeq: 0 }
    const last = stored.updates[stored.updates.length - 1]
    return {
      snapshot: stored.snapshot ? stored.snapshot.slice() : null,
      updates: stored.updates.map((u) => u.data.slice()),
      refs: stored.updates.map((u) => u.seq),
      lastSeq: Math.max(stored.snapshotSeq, last ? last.seq : 0),
    }
  }

  async compact(room: string, snapshot: Uint8Array, refs: readonly DocRef[]): Promise<void> {
    const stored = this.room(room)
    const merged = new Set(refs)
    stored.snapshot = mergeSnapshots(stored.snapshot, snapshot.slice())
    stored.snapshotSeq = Math.max(stored.snapshotSeq, ...refs)
    stored.updates = stored.updates.filter((u) => !merged.has(u.seq))
  }

  async pendingUpdates(room: string): Promise<number> {
    return this.rooms.get(room)?.updates.length ?? 0
  }
}

class MemorySessionStore implements SessionStore {
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

export class MemoryStorage implements Storage {
  readonly docs: DocStore = new MemoryDocStore()
  readonly sessions: SessionStore = new MemorySessionStore()
  private readonly access = createMemoryAccessStores()
  readonly users = this.access.users
  readonly logins = this.access.logins
  readonly themagroepen = this.access.themagroepen
  readonly invites = this.access.invites
  readonly audit = this.access.audit
  private readonly verslag = createMemoryVerslagStores()
  readonly versions = this.verslag.versions
  readonly pictures = this.verslag.pictures
  readonly regelruimteStatus = new MemoryRegelruimteStatusStore()

  async close(): Promise<void> {}
}
