/**
 * PostgreSQL backend (`pg`), selected by DATABASE_URL (S30): the document
 * log and every feature's stores on one database, shared by any number of
 * server instances. An append resolves once its transaction committed
 * (PostgreSQL's default synchronous_commit: flushed to the WAL), so S1/S4
 * hold as with SQLite. Features describe their tables and stores in
 * StoreDefinition.postgres; migrations run per feature, under a lock.
 */
import type { Backend, StoreDefinition } from './Backend'
import type { DocRef, DocStore, StoredDoc } from './DocStore'
import { mergeSnapshots } from './mergeSnapshots'
import { PgPool } from './pgConnectionPool'
import { bytesOf, migratePg, num, type PgDb } from './pgPool'

export const DOCS_PG_MIGRATIONS: readonly string[] = [
  // 1: update log and snapshots
  `
  CREATE TABLE doc_updates (
    seq  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX doc_updates_room ON doc_updates (room, seq);
  CREATE TABLE doc_snapshots (
    room       TEXT PRIMARY KEY,
    seq        BIGINT NOT NULL,
    data       BYTEA NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
]

interface PendingAppend {
  room: string
  data: Buffer
  resolve: (ref: DocRef) => void
  reject: (err: unknown) => void
}

export class PgDocStore implements DocStore {
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


export interface PgBackendOptions {
  /** Put every table in this schema (tests: many backends in one database). */
  schema?: string
  /** Pool size (default 10). */
  maxConnections?: number
}

/** The StoreDefinitions whose tables exist and whose stores are open. */
type Opened = Map<string, unknown>

export class PgBackend implements Backend {
  readonly docs: DocStore
  private readonly docStore: PgDocStore
  private readonly opened: Opened = new Map()
  private closed = false

  private constructor(
    private readonly db: PgPool,
    private readonly schema: string | undefined,
  ) {
    this.docStore = new PgDocStore(db)
    this.docs = this.docStore
  }

  /**
   * Connects, runs the document log's migrations and those of `definitions`
   * (every feature the server composes), and opens their stores. Rejects
   * (closing the pool) when the database cannot be reached or migrated.
   */
  static async open(
    connectionString: string,
    definitions: readonly StoreDefinition<unknown>[],
    opts: PgBackendOptions = {},
  ): Promise<PgBackend> {
    if (opts.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`invalid schema name ${opts.schema}`)
    const db = new PgPool(connectionString, { schema: opts.schema, max: opts.maxConnections })
    const backend = new PgBackend(db, opts.schema)
    try {
      await migratePg(db, 'docs', DOCS_PG_MIGRATIONS, opts.schema)
      for (const definition of definitions) await backend.prepare(definition)
    } catch (err) {
      await db.end().catch(() => undefined)
      throw err
    }
    return backend
  }

  /** Migrates and opens one feature's stores (done by `open` for the definitions it was given). */
  async prepare<T>(definition: StoreDefinition<T>): Promise<T> {
    if (!this.opened.has(definition.name)) {
      await migratePg(this.db, definition.name, definition.postgres.migrations, this.schema)
      this.opened.set(definition.name, definition.postgres.open(this.db))
    }
    return this.opened.get(definition.name) as T
  }

  stores<T>(definition: StoreDefinition<T>): T {
    if (!this.opened.has(definition.name)) {
      throw new Error(`the stores of ${definition.name} were not prepared: pass their definition to PgBackend.open`)
    }
    return this.opened.get(definition.name) as T
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.docStore.drain()
    await this.db.end()
  }
}
