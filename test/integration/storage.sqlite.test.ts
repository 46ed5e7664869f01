import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SQLITE_MIGRATIONS } from '../../server/storage/sqliteMigrations'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
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

const dirOf = new WeakMap<SqliteStorage, string>()

storageContract('sqlite', {
  create: async () => {
    const dir = tempDir()
    const storage = new SqliteStorage(dir)
    dirOf.set(storage, dir)
    return storage
  },
  reopen: async (storage) => {
    const dir = dirOf.get(storage as SqliteStorage)
    if (!dir) throw new Error('unknown storage')
    await storage.close()
    const reopened = new SqliteStorage(dir)
    dirOf.set(reopened, dir)
    return reopened
  },
})

describe('SQLite specifics', () => {
  it('[S4] the running server\'s own connection uses WAL with synchronous=FULL', async () => {
    const server = await startTestServer({ dataDir: tempDir() })
    try {
      expect(server.storage).toBeInstanceOf(SqliteStorage)
      const storage = server.storage as SqliteStorage
      expect(storage.pragma('journal_mode')).toBe('wal')
      // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA); the pragma is per connection, so only the server's own one tells.
      expect(storage.pragma('synchronous')).toBe(2)
    } finally {
      await server.close()
    }
  })

  it('[S4] a new database file is in WAL mode and records the schema version', async () => {
    const dir = tempDir()
    const storage = new SqliteStorage(dir)
    await storage.close()
    const Database = (await import('better-sqlite3')).default
    const db = new Database(path.join(dir, 'brownpaper.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length)
    db.close()
  })
})
