/** The privacy suite (SPEC G1–G8, G13; privacy.suite.ts) on SQLite: what is stored is the bytes of the database file and its WAL. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { SQLITE_FILE } from '../../server/core/storage/SqliteBackend'
import { restartTestServer, startTestServer } from '../helpers/startTestServer'
import { privacySuite } from './privacy.suite'

privacySuite({
  start: (options) => startTestServer(options),
  restart: (server) => restartTestServer(server),
  async storedBytes(server) {
    const file = path.join(server.dataDir, SQLITE_FILE)
    // After the server's own checkpoint (G4), one more here: what is left in the WAL counts too.
    const db = new Database(file)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const wal = `${file}-wal`
    return Buffer.concat([fs.readFileSync(file), fs.existsSync(wal) ? fs.readFileSync(wal) : Buffer.alloc(0)])
  },
  async tables(server) {
    const db = new Database(path.join(server.dataDir, SQLITE_FILE), { readonly: true })
    try {
      const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name)
      return new Map(names.map((name) => [name, db.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[]]))
    } finally {
      db.close()
    }
  },
})

describe('privacy on the in-memory store', () => {
  it('[G1] answers 501 with a readable sentence: nothing there outlives the process', async () => {
    const server = await startTestServer({ dataDir: undefined, backend: new MemoryBackend() })
    try {
      const res = await server.api<{ error: string; message: string }>('POST', '/api/privacy/search', { name: 'Wilhelmina Zwartkop', organisation: '' })
      expect(res.status).toBe(501)
      expect(res.body.error).toBe('not_supported')
      expect(res.body.message).toMatch(/geheugen/)
    } finally {
      await server.close()
    }
  })
})
