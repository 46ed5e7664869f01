/**
 * The privacy suite (SPEC G1–G8, G13; privacy.suite.ts) on PostgreSQL: a
 * schema per server in one test database; what is stored is every row of
 * every table of that schema, as bytes, with compressed values unpacked.
 */
import { gunzipSync } from 'node:zlib'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { STORE_DEFINITIONS, type ServerOptions } from '../../server/app'
import { PgBackend } from '../../server/core/storage/PgBackend'
import { createTestDatabase, type TestDatabase } from '../helpers/pgDatabase'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { privacySuite } from './privacy.suite'

let db: TestDatabase
let schemas = 0
const schemaOf = new Map<TestServer, string>()
beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db?.drop()
})

async function startOn(schema: string, options: Partial<ServerOptions>): Promise<TestServer> {
  const server = await startTestServer({ ...options, backend: await PgBackend.open(db.url, STORE_DEFINITIONS, { schema }) })
  schemaOf.set(server, schema)
  return server
}

async function readTables(server: TestServer): Promise<Map<string, Record<string, unknown>[]>> {
  const schema = schemaOf.get(server)!
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const names = (await client.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [schema])).rows.map((r) => r.name)
    const tables = new Map<string, Record<string, unknown>[]>()
    for (const name of names) tables.set(name, (await client.query(`SELECT * FROM ${schema}.${name}`)).rows as Record<string, unknown>[])
    return tables
  } finally {
    await client.end()
  }
}

function bytesOf(value: unknown): Buffer[] {
  if (!Buffer.isBuffer(value)) return [Buffer.from(value === null || value === undefined ? '' : String(value))]
  try {
    return [value, gunzipSync(value)]
  } catch {
    return [value]
  }
}

privacySuite({
  start: (options = {}) => startOn(`privacy${++schemas}`, options),
  async restart(server) {
    await server.close()
    return startOn(schemaOf.get(server)!, server.options)
  },
  async storedBytes(server) {
    const parts: Buffer[] = []
    for (const rows of (await readTables(server)).values()) for (const row of rows) for (const value of Object.values(row)) parts.push(...bytesOf(value), Buffer.from('\n'))
    return Buffer.concat(parts)
  },
  tables: readTables,
})
