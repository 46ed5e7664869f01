/**
 * P25: the SQLite store's directory and files are readable by the server's
 * user only, also under a permissive umask and for a store made before.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SQLITE_FILE, SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { storesOf, type Storage } from '../helpers/storesOf'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

const mode = (file: string) => fs.statSync(file).mode & 0o777

describe('store file permissions (P25)', () => {
  const umask = process.umask()
  afterEach(() => {
    process.umask(umask)
    removeTempDirs()
  })

  async function writeSomething(storage: Storage, id = 'kamer-1'): Promise<void> {
    await storage.docs.appendUpdate(id, new Uint8Array([0, 0]))
    await storage.sessions.create({ id, title: 'T', themagroep: 'G', type: 'workshop', date: null, place: null, createdAt: 'x', updatedAt: 'x' })
  }

  it('[P25] a new DATA_DIR is 0700 and the database, its -wal and -shm are 0600, even with umask 000', async () => {
    process.umask(0o000)
    const dir = path.join(tempDir(), 'data')
    const storage = storesOf(new SqliteBackend(dir))
    try {
      await writeSomething(storage)
      const file = path.join(dir, SQLITE_FILE)
      expect(mode(dir)).toBe(0o700)
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(fs.existsSync(f), f).toBe(true)
        expect(mode(f), f).toBe(0o600)
      }
    } finally {
      await storage.close()
    }
  })

  it('[P25] an existing world-readable store (left by a crash: -wal and -shm still there) is made owner-only when the server opens it', async () => {
    const dir = tempDir()
    // Not closed, as after a kill -9: its -wal and -shm stay.
    const first = storesOf(new SqliteBackend(dir))
    await writeSomething(first)
    const file = path.join(dir, SQLITE_FILE)
    fs.chmodSync(dir, 0o755)
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o644)
    const reopened = storesOf(new SqliteBackend(dir))
    try {
      await writeSomething(reopened, 'kamer-2')
      expect(mode(dir)).toBe(0o700)
      expect(mode(file)).toBe(0o600)
      expect(mode(`${file}-wal`)).toBe(0o600)
      expect(mode(`${file}-shm`)).toBe(0o600)
    } finally {
      await reopened.close()
      await first.close()
    }
  })
})
