/**
 * In-memory backend: the reference implementation of the document log and
 * of every feature's stores, used in tests and benchmarks. Nothing survives
 * the process.
 */
import type { Backend, StoreDefinition } from './Backend'
import type { DocRef, DocStore, StoredDoc } from './DocStore'
import { mergeSnapshots } from './mergeSnapshots'

interface MemoryRoom {
  snapshot: Uint8Array | null
  snapshotSeq: number
  updates: { seq: number; data: Uint8Array }[]
}

export class MemoryDocStore implements DocStore {
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

export class MemoryBackend implements Backend {
  readonly docs: DocStore = new MemoryDocStore()
  private readonly opened = new Map<string, unknown>()

  stores<T>(definition: StoreDefinition<T>): T {
    if (!this.opened.has(definition.name)) this.opened.set(definition.name, definition.memory())
    return this.opened.get(definition.name) as T
  }

  async close(): Promise<void> {}
}
