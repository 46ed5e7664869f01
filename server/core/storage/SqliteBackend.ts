/**
 * SQLite backend (better-sqlite3): one file in DATA_DIR, WAL journal with
 * synchronous=FULL, so an appended update survives a crash or power loss
 * once appendUpdate resolves. better-sqlite3 is synchronous; the methods are
 * async to keep the contract shared with PostgreSQL. Features open their
 * stores on the same database (`stores(definition)`), each with its own
 * migrations (sqliteMigrations.ts).
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Backend, SqliteDatabase, StoreDefinition } from './Backend'
import type { DocStore, StoredDoc } from './DocStore'
import { ownerOnly, restrictSidecars } from './ownerOnly'
import { DOCS_MIGRATIONS, migrate } from './sqliteMigrations'

export const SQLITE_FILE = 'brownpaper.sqlite'

type Db = SqliteDatabase

const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

interface PendingAppend {
  room: string
  data: Buffer
  resolve: (seq: number) => void
  reject: (err: unknown) => void
}

class SqliteDocStore implements DocStore {
  private readonly insert
  private readonly selectSnapshot
  private readonly selectUpdates
  private readonly upsertSnapshot
  private readonly deleteUpdates
  private readonly countUpdates

  constructor(db: Db) {
    this.insert = db.prepare<[string, Buffer]>('INSERT INTO doc_updates (room, data) VALUES (?, ?)')
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
    this.deleteUpdates = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE room = ? AND seq <= ?')
    this.countUpdates = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE room = ?')
    this.insertMany = db.transaction((batch: PendingAppend[]) =>
      batch.map((append) => Number(this.insert.run(append.room, append.data).lastInsertRowid)),
    )
    this.compactTx = db.transaction((room: string, snapshot: Uint8Array, uptoSeq: number) => {
      this.upsertSnapshot.run(room, uptoSeq, Buffer.from(snapshot), new Date().toISOString())
      this.deleteUpdates.run(room, uptoSeq)
    })
    this.loadTx = db.transaction((room: string): StoredDoc => {
      const snapshot = this.selectSnapshot.get(room)
      const updates = this.selectUpdates.all(room)
      const last = updates[updates.length - 1]
      return {
        snapshot: snapshot ? toBytes(snapshot.data) : null,
        updates: updates.map((u) => toBytes(u.data)),
        lastSeq: last ? last.seq : (snapshot?.seq ?? 0),
      }
    })
  }

  private appends: PendingAppend[] = []
  /** Group commits made so far (each one transaction, one fsync). */
  commits = 0
  private readonly insertMany: (batch: PendingAppend[]) => number[]
  private readonly compactTx: (room: string, snapshot: Uint8Array, uptoSeq: number) => void
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
    try {
      const seqs = this.insertMany(batch)
      this.commits++
      batch.forEach((append, i) => append.resolve(seqs[i] ?? 0))
    } catch (err) {
      for (const append of batch) append.reject(err)
    }
  }

  async load(room: string): Promise<StoredDoc> {
    return this.loadTx(room)
  }

  async compact(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.compactTx(room, snapshot, uptoSeq)
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
    this.docStore = new SqliteDocStore(this.db)
    this.docs = this.docStore
  }

  /** Transactions that appended to the document log so far (X9: one per turn, for every room). */
  get appendCommits(): number {
    return this.docStore.commits
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

  async close(): Promise<void> {
    if (!this.db.open) return
    this.docStore.flushAppends()
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}
