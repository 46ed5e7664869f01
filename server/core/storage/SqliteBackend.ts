/**
 * SQLite backend (better-sqlite3): one file in DATA_DIR, WAL journal with
 * synchronous=FULL, so a write survives a crash or power loss once it
 * returns. better-sqlite3 is synchronous; the methods are async to keep the
 * contract shared with PostgreSQL. Features open their stores on the same
 * database (`stores(definition)`), each with its own migrations
 * (sqliteMigrations.ts).
 *
 * The document log's appends, the hot path, do not fsync on the event loop
 * (S59): their transaction commits with synchronous=NORMAL (the WAL frames
 * reach the page cache), and the WAL file is then fdatasynced on libuv's
 * thread pool; an append resolves once a sync that began after its commit
 * has finished. That is the same guarantee as FULL — the committed frames
 * are on disk before anyone hears of them — while the event loop serves
 * other connections during the sync. Up to two syncs run at once; a commit
 * made while both run waits for the next, which covers every commit made
 * meanwhile.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Backend, SqliteDatabase, StoreDefinition } from './Backend'
import type { DocRef, DocStore, StoredDoc } from './DocStore'
import { mergeSnapshots } from './mergeSnapshots'
import { ownerOnly, restrictSidecars } from './ownerOnly'
import { DOCS_MIGRATIONS, migrate } from './sqliteMigrations'

export const SQLITE_FILE = 'brownpaper.sqlite'

type Db = SqliteDatabase

const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

export interface PendingAppend {
  room: string
  data: Buffer
  resolve: (seq: number) => void
  reject: (err: unknown) => void
}

/** A group commit whose rows are committed but not yet known to be on disk. */
export interface CommittedBatch {
  batch: PendingAppend[]
  seqs: number[]
}

/**
 * Syncs that may run at once. A commit made while a sync runs starts a second
 * one at once instead of waiting for the first to end, which would add up to
 * a whole sync to its wait; more than two would mostly queue in the disk.
 */
export const MAX_SYNCS_IN_FLIGHT = 2

/**
 * fdatasync of a database's WAL file off the event loop (S59). Opened on the
 * first sync (SQLite creates the WAL with the first write) and again should
 * the file ever have been unlinked. A sync covers every commit made before it
 * began; one that ends settles all of them in commit order, also those an
 * earlier sync still running was started for (an fdatasync flushes the whole
 * file). A sync that fails rejects what it settles.
 */
export class WalSyncer {
  private fd: number | null = null
  /** Descriptors of a WAL file that was unlinked: closed once no sync may still use them. */
  private retired: number[] = []
  /** Committed batches no sync has been started for yet. */
  private waiting: CommittedBatch[] = []
  /** Committed batches a running sync covers, in commit order, with the number of that sync. */
  private covered: { committed: CommittedBatch; sync: number }[] = []
  private running = 0
  private idle: (() => void)[] = []
  /** Syncs started so far: each one's number. */
  private started = 0
  /** fdatasync calls made so far. */
  syncs = 0

  constructor(
    private readonly walFile: string,
    /** fs.fdatasync; a seam for tests. */
    private readonly sync: (fd: number, done: (err: unknown) => void) => void = fs.fdatasync,
  ) {}

  /** Resolves the batch once its frames are on disk. */
  add(committed: CommittedBatch): void {
    this.waiting.push(committed)
    this.next()
  }

  /** Resolves when no commit waits for a sync. */
  drained(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  close(): void {
    for (const fd of this.retired.splice(0)) fs.closeSync(fd)
    if (this.fd !== null) fs.closeSync(this.fd)
    this.fd = null
  }

  private next(): void {
    if (this.waiting.length === 0) {
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve()
      return
    }
    if (this.running >= MAX_SYNCS_IN_FLIGHT) return
    const number = ++this.started
    for (const committed of this.waiting) this.covered.push({ committed, sync: number })
    this.waiting = []
    this.running++
    const settle = (err: unknown) => {
      this.running--
      if (this.running === 0) for (const retired of this.retired.splice(0)) fs.closeSync(retired)
      while (this.covered.length > 0 && this.covered[0]!.sync <= number) {
        const { batch, seqs } = this.covered.shift()!.committed
        batch.forEach((append, i) => (err ? append.reject(err) : append.resolve(seqs[i] ?? 0)))
      }
      this.next()
    }
    let fd: number
    try {
      fd = this.open()
    } catch (err) {
      settle(err)
      return
    }
    this.syncs++
    this.sync(fd, settle)
  }

  private open(): number {
    if (this.fd !== null && fs.fstatSync(this.fd).nlink > 0) return this.fd
    // A sync still running may use the old descriptor: closed once none runs.
    if (this.fd !== null) this.retired.push(this.fd)
    this.fd = null
    this.fd = fs.openSync(this.walFile, 'r')
    return this.fd
  }
}

class SqliteDocStore implements DocStore {
  private readonly insert
  private readonly syncNormal
  private readonly syncFull
  private readonly selectSnapshot
  private readonly selectUpdates
  private readonly upsertSnapshot
  private readonly deleteUpdate
  private readonly countUpdates

  constructor(
    db: Db,
    /** Null for an in-memory database: nothing to sync. */
    private readonly walSync: WalSyncer | null,
  ) {
    this.insert = db.prepare<[string, Buffer]>('INSERT INTO doc_updates (room, data) VALUES (?, ?)')
    this.syncNormal = db.prepare('PRAGMA synchronous = NORMAL')
    this.syncFull = db.prepare('PRAGMA synchronous = FULL')
    this.selectSnapshot = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_snapshots WHERE room = ?',
    )
    this.selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE room = ? ORDER BY seq',
    )
    this.upsertSnapshot = db.prepare<[string, number, Buffer, string]>(
      `INSERT INTO doc_snapshots (room, seq, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET seq = MAX(seq, excluded.seq), data = excluded.data, updated_at = excluded.updated_at`,
    )
    this.deleteUpdate = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE room = ? AND seq = ?')
    this.countUpdates = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE room = ?')
    this.insertMany = db.transaction((batch: PendingAppend[]) =>
      batch.map((append) => Number(this.insert.run(append.room, append.data).lastInsertRowid)),
    )
    this.compactTx = db.transaction((room: string, snapshot: Uint8Array, refs: readonly DocRef[]) => {
      const stored = this.selectSnapshot.get(room)
      const merged = mergeSnapshots(stored ? toBytes(stored.data) : null, snapshot)
      this.upsertSnapshot.run(room, Math.max(0, ...refs), Buffer.from(merged), new Date().toISOString())
      for (const ref of refs) this.deleteUpdate.run(room, ref)
    })
    this.loadTx = db.transaction((room: string): StoredDoc => {
      const snapshot = this.selectSnapshot.get(room)
      const updates = this.selectUpdates.all(room)
      const last = updates[updates.length - 1]
      return {
        snapshot: snapshot ? toBytes(snapshot.data) : null,
        updates: updates.map((u) => toBytes(u.data)),
        refs: updates.map((u) => u.seq),
        lastSeq: Math.max(snapshot?.seq ?? 0, last ? last.seq : 0),
      }
    })
  }

  private appends: PendingAppend[] = []
  /** Group commits made so far (each one transaction, one fsync). */
  commits = 0
  private readonly insertMany: (batch: PendingAppend[]) => number[]
  private readonly compactTx: (room: string, snapshot: Uint8Array, refs: readonly DocRef[]) => void
  private readonly loadTx: (room: string) => StoredDoc

  /**
   * Appends are group-committed: every append made in the same turn of the
   * event loop (from any room) goes into one transaction, so one fsync covers
   * them all. Each promise resolves once its own row is committed.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.appends.push({ room, data: Buffer.from(update), resolve, reject })
      if (this.appends.length === 1) setImmediate(() => this.flushAppends())
    })
  }

  /** Commits the appends waiting for the next group commit now. */
  flushAppends(): void {
    const batch = this.appends
    this.appends = []
    if (batch.length === 0) return
    let seqs: number[]
    try {
      seqs = this.commitWithoutSync(batch)
    } catch (err) {
      for (const append of batch) append.reject(err)
      return
    }
    this.commits++
    if (this.walSync) this.walSync.add({ batch, seqs })
    else batch.forEach((append, i) => append.resolve(seqs[i] ?? 0))
  }

  /** The batch's transaction with synchronous=NORMAL: the WalSyncer makes it durable (S59). */
  private commitWithoutSync(batch: PendingAppend[]): number[] {
    if (!this.walSync) return this.insertMany(batch)
    this.syncNormal.run()
    try {
      return this.insertMany(batch)
    } finally {
      this.syncFull.run()
    }
  }

  /** Commits what waits for a group commit and resolves once every committed append is on disk. */
  async drain(): Promise<void> {
    this.flushAppends()
    await this.walSync?.drained()
  }

  async load(room: string): Promise<StoredDoc> {
    return this.loadTx(room)
  }

  async compact(room: string, snapshot: Uint8Array, refs: readonly DocRef[]): Promise<void> {
    this.compactTx(room, snapshot, refs)
  }

  async pendingUpdates(room: string): Promise<number> {
    return this.countUpdates.get(room)?.n ?? 0
  }
}

export class SqliteBackend implements Backend {
  readonly docs: DocStore
  readonly file: string
  private readonly db: Db
  private readonly docStore: SqliteDocStore
  private readonly walSync: WalSyncer | null
  private readonly opened = new Map<string, unknown>()

  /** Opens (creating when needed) `<dataDir>/brownpaper.sqlite`; pass ':memory:' for a throw-away database. */
  constructor(dataDir: string) {
    if (dataDir === ':memory:') {
      this.file = ':memory:'
    } else {
      this.file = path.join(dataDir, SQLITE_FILE)
      ownerOnly(dataDir, this.file)
    }
    this.db = new Database(this.file)
    this.db.pragma('journal_mode = WAL')
    if (this.file !== ':memory:') restrictSidecars(this.file)
    this.db.pragma('synchronous = FULL')
    this.db.pragma('busy_timeout = 5000')
    migrate(this.db, 'docs', DOCS_MIGRATIONS, 1)
    this.walSync = this.file === ':memory:' ? null : new WalSyncer(`${this.file}-wal`)
    this.docStore = new SqliteDocStore(this.db, this.walSync)
    this.docs = this.docStore
  }

  /** Transactions that appended to the document log so far (X9: one per turn, for every room). */
  get appendCommits(): number {
    return this.docStore.commits
  }

  /** fdatasync calls of the WAL made for the document log's appends (S59): at most one per commit. */
  get walSyncs(): number {
    return this.walSync?.syncs ?? 0
  }

  stores<T>(definition: StoreDefinition<T>): T {
    if (!this.opened.has(definition.name)) {
      migrate(this.db, definition.name, definition.sqlite.migrations, definition.sqlite.legacyUserVersion)
      this.opened.set(definition.name, definition.sqlite.open(this.db))
    }
    return this.opened.get(definition.name) as T
  }

  /** The value of a pragma on the server's own connection (a seam for tests: SPEC S4). */
  pragma(name: 'synchronous' | 'journal_mode' | 'user_version'): unknown {
    return this.db.pragma(name, { simple: true })
  }

  private closing: Promise<void> | null = null

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (!this.db.open) return
      await this.docStore.drain()
      this.db.pragma('wal_checkpoint(TRUNCATE)')
      this.walSync?.close()
      this.db.close()
    })()
    return this.closing
  }
}
