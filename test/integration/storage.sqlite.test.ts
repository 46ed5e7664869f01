import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ACCESS_STORES } from '../../server/access/accessStoreDefinition'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { DOCS_MIGRATIONS } from '../../server/core/storage/sqliteMigrations'
import { REGELRUIMTE_STORES } from '../../server/regelruimte/regelruimteStoreDefinition'
import { SESSION_STORES } from '../../server/sessions/sessionStoreDefinition'
import { VERSLAG_STORES } from '../../server/verslag/verslagStoreDefinition'
import { HISTORY_STORES } from '../../server/history/historyStoreDefinition'
import { storesOf, type Storage } from '../helpers/storesOf'
import { startTestServer } from '../helpers/startTestServer'
import { storageContract } from './storage.contract'

const dirs: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-sqlite-'))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

const dirOf = new WeakMap<Storage, string>()

storageContract('sqlite', {
  create: async () => {
    const dir = tempDir()
    const storage = storesOf(new SqliteBackend(dir))
    dirOf.set(storage, dir)
    return storage
  },
  reopen: async (storage) => {
    const dir = dirOf.get(storage)
    if (!dir) throw new Error('unknown storage')
    await storage.close()
    const reopened = storesOf(new SqliteBackend(dir))
    dirOf.set(reopened, dir)
    return reopened
  },
})

describe('SQLite specifics', () => {
  it('[S4] the running server\'s own connection uses WAL with synchronous=FULL', async () => {
    const server = await startTestServer({ dataDir: tempDir() })
    try {
      expect(server.backend).toBeInstanceOf(SqliteBackend)
      const storage = server.backend as SqliteBackend
      expect(storage.pragma('journal_mode')).toBe('wal')
      // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA); the pragma is per connection, so only the server's own one tells.
      expect(storage.pragma('synchronous')).toBe(2)
    } finally {
      await server.close()
    }
  })

  it('[S4] a new database file is in WAL mode and records the schema version of the log and of every feature', async () => {
    const dir = tempDir()
    const storage = storesOf(new SqliteBackend(dir))
    await storage.close()
    const Database = (await import('better-sqlite3')).default
    const db = new Database(path.join(dir, 'brownpaper.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const versions = db.prepare<[], { name: string; version: number }>('SELECT name, version FROM schema_migrations ORDER BY name').all()
    expect(versions).toEqual([
      { name: 'access', version: ACCESS_STORES.sqlite.migrations.length },
      { name: 'docs', version: DOCS_MIGRATIONS.length },
      { name: 'history', version: HISTORY_STORES.sqlite.migrations.length },
      { name: 'regelruimte', version: REGELRUIMTE_STORES.sqlite.migrations.length },
      { name: 'sessions', version: SESSION_STORES.sqlite.migrations.length },
      { name: 'verslag', version: VERSLAG_STORES.sqlite.migrations.length },
    ])
    db.close()
  })

  it('[X7] a database made before per-feature migrations opens as it is: no migration runs twice, nothing is lost', async () => {
    const dir = tempDir()
    const Database = (await import('better-sqlite3')).default
    const old = new Database(path.join(dir, 'brownpaper.sqlite'))
    // What the single migration list of before made: every table, counted in user_version.
    for (const sql of [DOCS_MIGRATIONS[0], SESSION_STORES.sqlite.migrations[0], ACCESS_STORES.sqlite.migrations[0], VERSLAG_STORES.sqlite.migrations[0], REGELRUIMTE_STORES.sqlite.migrations[0]]) {
      old.exec(sql ?? '')
    }
    old.pragma('user_version = 4')
    old.prepare("INSERT INTO sessions (id, title, themagroep, type, date, place, created_at, updated_at) VALUES ('AAAAAAAAAAAAAAAA', 'Oud', 'Groep', 'brownpapersessie', NULL, NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run()
    old.close()

    const storage = storesOf(new SqliteBackend(dir))
    try {
      expect((await storage.sessions.get('AAAAAAAAAAAAAAAA'))?.title).toBe('Oud')
      expect(await storage.users.count()).toBe(0)
    } finally {
      await storage.close()
    }
  })
})
