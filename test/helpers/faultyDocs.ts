/**
 * Fault injection around a real storage: a slow or failing disk, and a count
 * of loads. Everything else goes to the wrapped storage unchanged.
 */
import type { DocRef, DocStore, Storage, StoredDoc } from '../../server/storage/Storage'

export class FaultyDocStore implements DocStore {
  /** Reject appends and compactions while true. */
  failing = false
  /** Delay every append by this long. */
  appendDelayMs = 0
  loads = 0
  /** Time (ms) at which each append resolved, in order. */
  readonly appendedAt: number[] = []

  constructor(private readonly inner: DocStore) {}

  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    if (this.appendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.appendDelayMs))
    if (this.failing) throw new Error('disk full (injected)')
    const seq = await this.inner.appendUpdate(room, update)
    this.appendedAt.push(performance.now())
    return seq
  }

  async load(room: string): Promise<StoredDoc> {
    this.loads++
    return this.inner.load(room)
  }

  async compact(room: string, snapshot: Uint8Array, refs: readonly DocRef[]): Promise<void> {
    if (this.failing) throw new Error('disk full (injected)')
    return this.inner.compact(room, snapshot, refs)
  }

  pendingUpdates(room: string): Promise<number> {
    return this.inner.pendingUpdates(room)
  }
}

/** `storage` with its docs replaced by `docs`. */
export function withDocStore(storage: Storage, docs: DocStore): Storage {
  return new Proxy(storage, {
    get: (target, prop) => (prop === 'docs' ? docs : Reflect.get(target, prop, target)),
  })
}
