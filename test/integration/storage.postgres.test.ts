import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import * as Y from 'yjs'
import { STORE_DEFINITIONS } from '../../server/app'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { storesOf, type Storage } from '../helpers/storesOf'
import { createTestDatabase, type TestDatabase } from '../helpers/pgDatabase'
import { storageContract } from './storage.contract'

let db: TestDatabase
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db.drop()
})

// Each test gets a fresh schema in this file's own database.
let schemas = 0
const schemaOf = new WeakMap<Storage, string>()
const open = async (schema?: string) => storesOf(await PgBackend.open(db.url, STORE_DEFINITIONS, { schema }))

storageContract('postgres', {
  create: async () => {
    const schema = `s${++schemas}`
    const storage = await open(schema)
    schemaOf.set(storage, schema)
    return storage
  },
  reopen: async (storage) => {
    const schema = schemaOf.get(storage)
    if (!schema) throw new Error('unknown storage')
    await storage.close()
    const reopened = await open(schema)
    schemaOf.set(reopened, schema)
    return reopened
  },
})

describe('PostgreSQL specifics', () => {
  it('[S30] runs its migrations once: a second instance opening the same database finds them applied', async () => {
    const [a, b] = await Promise.all([open('twice'), open('twice')])
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    const { rows } = await client.query<{ name: string; version: number }>('SELECT name, version FROM twice.schema_migrations ORDER BY name')
    await client.end()
    expect(rows).toEqual(
      [{ name: 'docs', version: 1 }, ...STORE_DEFINITIONS.map((d) => ({ name: d.name, version: d.postgres.migrations.length }))].sort(
        (x, y) => (x.name < y.name ? -1 : 1),
      ),
    )
    await Promise.all([a.close(), b.close()])
  })

  it('[S30] two instances on one database: each compacts only what it merged, and both see every update', async () => {
    const a = await open('shared')
    const b = await open('shared')
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const write = (doc: Y.Doc, text: string): Uint8Array => {
      const before = Y.encodeStateVector(doc)
      doc.getText('t').insert(doc.getText('t').length, text)
      return Y.encodeStateAsUpdate(doc, before)
    }
    const refsA = [await a.docs.appendUpdate('room', write(docA, 'a1 ')), await a.docs.appendUpdate('room', write(docA, 'a2 '))]
    const fromB = await b.docs.appendUpdate('room', write(docB, 'b1'))
    await a.docs.compact('room', Y.encodeStateAsUpdate(docA), refsA)
    const stored = await b.docs.load('room')
    expect(stored.refs).toEqual([fromB])
    const rebuilt = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot)
    for (const u of stored.updates) Y.applyUpdate(rebuilt, u)
    expect(rebuilt.getText('t').toString()).toContain('a1 a2 ')
    expect(rebuilt.getText('t').toString()).toContain('b1')
    await Promise.all([a.close(), b.close()])
  })

  it('[S30] refuses to start on a database it cannot reach, with the reason', async () => {
    await expect(PgBackend.open('postgres://postgres@127.0.0.1:1/nope', STORE_DEFINITIONS)).rejects.toThrow(/ECONNREFUSED/)
  })
})
