/**
 * Fault injection around a real document log: a slow or failing disk, and a count
 * of loads. Everything else goes to the wrapped backend unchanged.
 */
import type { Backend } from '../../server/core/storage/Backend'
import type { DocStore, StoredDoc } from '../../server/core/storage/DocStore'

export class FaultyDocStore implements DocStore {
  /** Reject appends and compactions while true. */
  failing = false
  /** Reject appends and compactions of this room only (the others keep working). */
  failingRoom: string | null = null
  /** Delay every append by this long. */
  appendDelayMs = 0
  loads = 0
  /** Time (ms) at which each append resolved, in order. */
  readonly appendedAt: number[] = []
  /** Appends wait for this gate while it is set (see hold()). */
  private gate: Promise<void> | null = null
  /** How many appends are waiting at the gate. */
  held = 0

  /** Holds every append until the returned release() is called: a disk that has not answered yet. */
  hold(): () => void {
    let release = () => {}
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = null
        resolve()
      }
    })
    return () => release()
  }

  constructor(private readonly inner: DocStore) {}

  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    if (this.appendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.appendDelayMs))
    if (this.gate) {
      this.held++
      await this.gate
      this.held--
    }
    if (this.failing || this.failingRoom === room) throw new Error('disk full (injected)')
    const seq = await this.inner.appendUpdate(room, update)
    this.appendedAt.push(performance.now())
    return seq
  }

  async load(room: string): Promise<StoredDoc> {
    this.loads++
    return this.inner.load(room)
  }

  async compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    if (this.failing || this.failingRoom === room) throw new Error('disk full (injected)')
    return this.inner.compact(room, snapshot, uptoSeq)
  }

  pendingUpdates(room: string): Promise<number> {
    return this.inner.pendingUpdates(room)
  }
}

/** `backend` with its document log replaced by `docs`. */
export function withDocStore(backend: Backend, docs: DocStore): Backend {
  return new Proxy(backend, {
    get: (target, prop) => (prop === 'docs' ? docs : Reflect.get(target, prop, target)),
  })
}

/**
 * A document log whose appends wait, while `holding`, until the test
 * releases them one by one (oldest first): the test decides exactly which
 * updates are in flight, without timing.
 */
export class HoldingDocStore implements DocStore {
  holding = false
  /** Appends waiting for `release()`, oldest first. */
  readonly held: { room: string; update: Uint8Array; release: () => void }[] = []

  constructor(private readonly inner: DocStore) {}

  async appendUpdate(room: string, update: Uint8Array): Promise<number> {
    if (this.holding) await new Promise<void>((release) => this.held.push({ room, update, release }))
    return this.inner.appendUpdate(room, update)
  }

  /** Lets the oldest held append go to the real store. */
  release(): void {
    const next = this.held.shift()
    if (!next) throw new Error('no append is held')
    next.release()
  }

  load(room: string): Promise<StoredDoc> {
    return this.inner.load(room)
  }

  compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    return this.inner.compact(room, snapshot, uptoSeq)
  }

  pendingUpdates(room: string): Promise<number> {
    return this.inner.pendingUpdates(room)
  }
}
