/**
 * Group commit across rooms (SPEC X9) on the real SQLite store: the updates
 * of every room that has one pending in the same turn are appended in one
 * transaction — one fsync — and each is durable before it is broadcast.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'

describe('group commit across rooms', () => {
  let server: TestServer | null = null

  /** A server on a real SQLite store with one session's room open. */
  async function oneRoomOnSqlite() {
    const dataDir = tempDir()
    const backend = new SqliteBackend(dataDir)
    server = await startTestServer({ backend, dataDir })
    const { id } = await server.createSession()
    return { backend, id, room: await server.rooms.open(id) }
  }

  afterEach(async () => {
    await server?.close()
    server = null
    removeTempDirs()
  })

  it('[X9] one update in each of 20 rooms in the same turn is one transaction, and every one of them is in the store', async () => {
    const dataDir = tempDir()
    const backend = new SqliteBackend(dataDir)
    server = await startTestServer({ backend, dataDir })
    const ids: string[] = []
    for (let i = 0; i < 20; i++) ids.push((await server.createSession({ title: `Sessie ${i}` })).id)
    const rooms = await Promise.all(ids.map((id) => server!.rooms.open(id)))

    const before = backend.appendCommits
    for (const [i, room] of rooms.entries()) room.transact((doc) => doc.getMap('m').set('k', i))
    await Promise.all(rooms.map((room) => room.whenSaved()))
    expect(backend.appendCommits - before).toBe(1)

    // Committed: another connection to the same file reads every room's update.
    const reader = new SqliteBackend(dataDir)
    try {
      for (const [i, id] of ids.entries()) {
        const stored = await reader.docs.load(id)
        const doc = new Y.Doc()
        for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
        expect(doc.getMap('m').get('k')).toBe(i)
      }
    } finally {
      await reader.close()
    }
  })

  it('[X9] updates of one room that arrive while its append is in flight go into the next transaction together', async () => {
    const { backend, id, room } = await oneRoomOnSqlite()
    const before = backend.appendCommits
    const entriesBefore = await backend.docs.pendingUpdates(id)
    room.transact((doc) => doc.getMap('m').set('first', 1))
    // Two turns later the first batch is committed and its sync in flight (S59);
    // these three wait for it, then go as one.
    await new Promise<void>((resolve) =>
      setImmediate(() =>
        setImmediate(() => {
          for (const key of ['a', 'b', 'c']) room.transact((doc) => doc.getMap('m').set(key, key))
          resolve()
        }),
      ),
    )
    await room.whenSaved()
    expect(backend.appendCommits - before).toBe(2)
    expect((await backend.docs.pendingUpdates(id)) - entriesBefore).toBe(2) // a, b and c merged into one log entry
    const stored = await backend.docs.load(id)
    const doc = new Y.Doc()
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
    expect([...doc.getMap('m').keys()].sort()).toEqual(['a', 'b', 'c', 'first'])
  })

  it('[X9] updates that arrive in separate callbacks of one turn (as from several sockets) are one batch: one transaction, one log entry', async () => {
    const { backend, id, room } = await oneRoomOnSqlite()
    await room.whenSaved()
    const before = backend.appendCommits
    const entriesBefore = await backend.docs.pendingUpdates(id)
    // Each socket's data is a callback of its own, with the microtasks run between them.
    await new Promise<void>((resolve) => {
      for (const key of ['anna', 'bram', 'carla']) setImmediate(() => room.transact((doc) => doc.getMap('m').set(key, key)))
      setImmediate(resolve)
    })
    await room.whenSaved()
    expect(backend.appendCommits - before).toBe(1)
    expect((await backend.docs.pendingUpdates(id)) - entriesBefore).toBe(1)
  })
})
