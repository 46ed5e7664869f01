/**
 * PostgreSQL storage (`pg`), selected by DATABASE_URL: every store of the
 * server on one database, shared by any number of server instances. An
 * append resolves once its transaction committed (PostgreSQL's default
 * synchronous_commit: flushed to the WAL), so S1/S4 hold as with SQLite.
 */
import type { SessionSummary } from '../../shared/api'
import { sessionTypeSchema } from '../../shared/session'
import type { AuditStore, InviteStore, LoginStore, ThemagroepStore, UserStore } from '../access/AccessStores'
import { createPgAccessStores } from '../access/PgAccessStores'
import { mergeSnapshots } from './mergeSnapshots'
import { PG_MIGRATIONS } from './pgMigrations'
import { PgPool, bytesOf, migratePg, num, type PgDb } from './pgPool'
import { PgRegelruimteStatusStore } from './PgRegelruimteStatusStore'
import { createPgVerslagStores } from './PgVerslagStores'
import type { RegelruimteStatusStore } from './RegelruimteStatusStore'
import type { DocRef, DocStore, SessionStore, Storage, StoredDoc } from './Storage'
import type { PictureStore, VersionStore } from './VerslagStores'

interface PendingAppend {
  room: string
  data: Buffer
  resolve: (ref: DocRef) => void
  reject: (err: unknown) => void
}

class PgDocStore implements DocStore {
  private appends: PendingAppend[] = []
  private flushing: Promise<void> | null = null
  private scheduled = false

  constructor(private readonly db: PgDb) {}

  /**
   * Group commit: every append made while the previous insert is in flight
   * (from any room) goes into the next single INSERT, one WAL flush for all.
   * A room has one append in flight at a time (its queue), so its order holds.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<DocRef> {
    return new Promise((resolve, reject) => {
      this.appends.push({ room, data: Buffer.from(update), resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flushing = this.flush().finally(() => {
        this.flushing = null
        if (this.appends.length > 0) this.schedule()
      })
    })
  }

  private async flush(): Promise<void> {
    const batch = this.appends
    this.appends = []
    if (batch.length === 0) return
    try {
      const { rows } = await this.db.query<{ seq: string }>(
        `INSERT INTO doc_updates (room, data)
         SELECT room, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(room, data, i) ORDER BY i
         RETURNING seq`,
        [batch.map((a) => a.room), batch.map((a) => a.data)],
      )
      // Identities are drawn in insert order: the sorted seqs match the batch order.
      const seqs = rows.map((r) => num(r.seq)).sort((a, b) => a - b)
      batch.forEach((append, i) => append.resolve(seqs[i] ?? 0))
    } catch (err) {
      for (const append of batch) append.reject(err)
    }
  }

  /** Resolves once no append is waiting or in flight. */
  async drain(): Promise<void> {
    while (this.flushing || this.scheduled || this.appends.length > 0) {
      if (this.flushing) await this.flushing
      else await new Promise((resolve) => setImmediate(resolve))
    }
  }

  async load(room: string): Promise<StoredDoc> {
    // One statement, one MVCC snapshot: a compaction committing meanwhile is seen whole or not at all.
    const { rows } = await this.db.query<{ kind: number; seq: string; data: Buffer }>(
      `SELECT 0 AS kind, seq, data FROM doc_snapshots WHERE room = $1
       UNION ALL
       SELECT 1 AS kind, seq, data FROM doc_updates WHERE room = $1
       ORDER BY kind, seq`,
      [room],
    )
    const snapshot = rows.find((r) => r.kind === 0)
    const updates = rows.filter((r) => r.kind === 1)
    const refs = updates.map((u) => num(u.seq))
    return {
      snapshot: snapshot ? bytesOf(snapshot.data) : null,
      updates: updates.map((u) => bytesOf(u.data)),
      refs,
      lastSeq: Math.max(snapshot ? num(snapshot.seq) : 0, refs[refs.length - 1] ?? 0),
    }
  }

  async compact(room: string, snapshot: Uint8Array, refs: readonly DocRef[]): Promise<void> {
    await this.db.transaction(async (client) => {
      // Compactions of one room (from any instance) take turns: each merges into the other's snapshot.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [room])
      const { rows } = await client.query<{ data: Buffer }>('SELECT data FROM doc_snapshots WHERE room = $1', [room])
      const merged = mergeSnapshots(rows[0] ? bytesOf(rows[0].data) : null, snapshot)
      await client.query(
        `INSERT INTO doc_snapshots (room, seq, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (room) DO UPDATE SET seq = GREATEST(doc_snapshots.seq, excluded.seq), data = excluded.data,
           updated_at = excluded.updated_at`,
        [room, Math.max(0, ...refs), Buffer.from(merged), new Date().toISOString()],
      )
      if (refs.length > 0) {
        await client.query('DELETE FROM doc_updates WHERE room = $1 AND seq = ANY($2::bigint[])', [room, [...refs]])
      }
    })
  }

  async pendingUpdates(room: string): Promise<number> {
    const { rows } = await this.db.query<{ n: string }>('SELECT COUNT(*) AS n FROM doc_updates WHERE room = $1', [room])
    return num(rows[0]?.n ?? 0)
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

class PgSessionStore implements SessionStore {
  constructor(private readonly db: PgDb) {}

  async create(s: SessionSummary): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (id, title, themagroep, type, date, place, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.id, s.title, s.themagroep, s.type, s.date, s.place, s.createdAt, s.updatedAt],
    )
  }

  async get(id: string): Promise<SessionSummary | null> {
    const { rows } = await this.db.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id])
    return rows[0] ? fromRow(rows[0]) : null
  }

  async list(): Promise<SessionSummary[]> {
    return (await this.db.query<SessionRow>('SELECT * FROM sessions ORDER BY created_at DESC, id')).rows.map(fromRow)
  }

  async update(id: string, patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>>): Promise<void> {
    const entries = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
      .filter((key) => patch[key] !== undefined)
      .map((key) => [COLUMNS[key], patch[key] ?? null] as const)
    if (entries.length === 0) return
    const sets = entries.map(([column], i) => `${column} = $${i + 1}`).join(', ')
    await this.db.query(`UPDATE sessions SET ${sets} WHERE id = $${entries.length + 1}`, [...entries.map(([, v]) => v), id])
  }
}

export interface PgStorageOptions {
  /** Put every table in this schema (tests: many stores in one database). */
  schema?: string
  /** Pool size (default 10). */
  maxConnections?: number
}

export class PgStorage implements Storage {
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
  private readonly docStore: PgDocStore
  private closed = false

  private constructor(private readonly db: PgPool) {
    this.docStore = new PgDocStore(db)
    this.docs = this.docStore
    this.sessions = new PgSessionStore(db)
    const access = createPgAccessStores(db)
    this.users = access.users
    this.logins = access.logins
    this.themagroepen = access.themagroepen
    this.invites = access.invites
    this.audit = access.audit
    const verslag = createPgVerslagStores(db)
    this.versions = verslag.versions
    this.pictures = verslag.pictures
    this.regelruimteStatus = new PgRegelruimteStatusStore(db)
  }

  /**
   * Connects and runs the migrations not applied yet. Rejects (closing the
   * pool) when the database cannot be reached or migrated.
   */
  static async open(connectionString: string, opts: PgStorageOptions = {}): Promise<PgStorage> {
    if (opts.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`invalid schema name ${opts.schema}`)
    const db = new PgPool(connectionString, { schema: opts.schema, max: opts.maxConnections })
    try {
      await migratePg(db, PG_MIGRATIONS, opts.schema)
    } catch (err) {
      await db.end().catch(() => undefined)
      throw err
    }
    return new PgStorage(db)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.docStore.drain()
    await this.db.end()
  }
}

