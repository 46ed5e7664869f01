/**
 * SQLite storage (better-sqlite3): one file in DATA_DIR, WAL journal with
 * synchronous=FULL, so an appended update survives a crash or power loss
 * once appendUpdate resolves. better-sqlite3 is synchronous; the methods are
 * async to keep the contract shared with PostgreSQL.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { SessionSummary } from '../../shared/api'
import { sessionTypeSchema } from '../../shared/session'
import type { AuditStore, InviteStore, LoginStore, ThemagroepStore, UserStore } from '../access/AccessStores'
import { createSqliteAccessStores } from '../access/SqliteAccessStores'
import { SQLITE_MIGRATIONS } from './sqliteMigrations'
import type { RegelruimteStatusStore } from './RegelruimteStatusStore'
import { SqliteRegelruimteStatusStore } from './SqliteRegelruimteStatusStore'
import { mergeSnapshots } from './mergeSnapshots'
import type { DocRef, DocStore, SessionStore, Storage, StoredDoc } from './Storage'
import { createSqliteVerslagStores } from './SqliteVerslagStores'
import type { PictureStore, VersionStore } from './VerslagStores'

export const SQLITE_FILE = 'brownpaper.sqlite'

type Db = Database.Database

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SQLITE_MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this server (${SQLITE_MIGRATIONS.length})`)
  }
  SQLITE_MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${current + i + 1}`)
    })()
  })
}

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
  private readonly deleteUpdate
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
    try {
      const seqs = this.insertMany(batch)
      batch.forEach((append, i) => append.resolve(seqs[i] ?? 0))
    } catch (err) {
      for (const append of batch) append.reject(err)
    }
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

interface SessionRow {
  id: string
  title: string
  themagroep: string
  type: string
  date: string | null
  place: string | null
  created_at: string
  updated_at: string
}

const fromRow = (row: SessionRow): SessionSummary => ({
  id: row.id,
  title: row.title,
  themagroep: row.themagroep,
  type: sessionTypeSchema.catch('brownpapersessie').parse(row.type),
  date: row.date,
  place: row.place,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const COLUMNS: Record<keyof Omit<SessionSummary, 'id' | 'createdAt'>, string> = {
  title: 'title',
  themagroep: 'themagroep',
  type: 'type',
  date: 'date',
  place: 'place',
  updatedAt: 'updated_at',
}

class SqliteSessionStore implements SessionStore {
  private readonly insert
  private readonly selectOne
  private readonly selectAll

  constructor(private readonly db: Db) {
    this.insert = db.prepare<[SessionRow]>(
      `INSERT INTO sessions (id, title, themagroep, type, date, place, created_at, updated_at)
       VALUES (@id, @title, @themagroep, @type, @date, @place, @created_at, @updated_at)`,
    )
    this.selectOne = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?')
    this.selectAll = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC, id')
  }

  async create(s: SessionSummary): Promise<void> {
    this.insert.run({
      id: s.id,
      title: s.title,
      themagroep: s.themagroep,
      type: s.type,
      date: s.date,
      place: s.place,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    })
  }

  async get(id: string): Promise<SessionSummary | null> {
    const row = this.selectOne.get(id)
    return row ? fromRow(row) : null
  }

  async list(): Promise<SessionSummary[]> {
    return this.selectAll.all().map(fromRow)
  }

  async update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void> {
    const entries = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => [COLUMNS[key], patch[key] ?? null] as const)
    if (entries.length === 0) return
    const sets = entries.map(([column]) => `${column} = ?`).join(', ')
    this.db.prepare(`UPDATE sessions SET ${sets} WHERE id = ?`).run(...entries.map(([, v]) => v), id)
  }
}

export class SqliteStorage implements Storage {
  readonly docs: DocStore
  readonly sessions: SessionStore
  readonly users: UserStore
  readonly logins: LoginStore
  readonly themagroepen: ThemagroepStore
  readonly invites: InviteStore
  readonly audit: AuditStore
  readonly versions: VersionStore
  readonly pictures: PictureStore
  readonly regelruimteStatus: RegelruimteStatusStore
  readonly file: string
  private readonly db: Db
  private readonly docStore: SqliteDocStore

  /** Opens (creating when needed) `<dataDir>/brownpaper.sqlite`; pass ':memory:' for a throw-away database. */
  constructor(dataDir: string) {
    if (dataDir === ':memory:') {
      this.file = ':memory:'
    } else {
      fs.mkdirSync(dataDir, { recursive: true })
      this.file = path.join(dataDir, SQLITE_FILE)
    }
    this.db = new Database(this.file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('busy_timeout = 5000')
    migrate(this.db)
    this.docStore = new SqliteDocStore(this.db)
    this.docs = this.docStore
    this.sessions = new SqliteSessionStore(this.db)
    const access = createSqliteAccessStores(this.db)
    this.users = access.users
    this.logins = access.logins
    this.themagroepen = access.themagroepen
    this.invites = access.invites
    this.audit = access.audit
    const verslag = createSqliteVerslagStores(this.db)
    this.versions = verslag.versions
    this.pictures = verslag.pictures
    this.regelruimteStatus = new SqliteRegelruimteStatusStore(this.db)
  }

  async close(): Promise<void> {
    if (!this.db.open) return
    this.docStore.flushAppends()
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}
