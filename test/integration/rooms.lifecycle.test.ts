import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import type { StoredDoc } from '../../server/core/storage/DocStore'
import { captureLog } from '../helpers/captureLog'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { FaultyDocStore, withDocStore } from '../helpers/faultyDocs'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

function rebuild(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}

describe('room lifecycle', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []
  const connect = (id: string) => {
    if (!server) throw new Error('no server')
    const client = connectYClient(server.wsUrl, id)
    clients.push(client)
    return client
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = null
    removeTempDirs()
  })

  it('[S5] compacts the log into a snapshot when the last connection leaves', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    for (let i = 0; i < 5; i++) a.doc.getArray<number>('n').push([i])
    await waitFor(() => server!.rooms.get(id)?.doc.getArray('n').length === 5, 'server has all 5')
    await server.rooms.get(id)?.whenSaved()
    expect(await server.storage.docs.pendingUpdates(id)).toBeGreaterThan(0)
    a.destroy()
    await waitFor(async () => (await server!.storage.docs.pendingUpdates(id)) === 0, 'log compacted')
    const stored = await server.storage.docs.load(id)
    expect(stored.snapshot).not.toBeNull()
    expect(rebuild(stored).getArray('n').toJSON()).toEqual([0, 1, 2, 3, 4])
  })

  it('[S5] compacts while connected once the log grows past the bound', async () => {
    server = await startTestServer({ compactAfter: 10 })
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    // One stored update at a time, so that the log really grows to 30 entries.
    for (let i = 0; i < 30; i++) {
      a.doc.getArray<number>('n').push([i])
      await waitFor(() => server!.rooms.get(id)?.doc.getArray('n').length === i + 1, `server has ${i + 1}`)
      await server.rooms.get(id)?.whenSaved()
    }
    expect(await server.storage.docs.pendingUpdates(id)).toBeLessThan(10)
    const stored = await server.storage.docs.load(id)
    expect(stored.snapshot).not.toBeNull()
    expect(rebuild(stored).getArray('n').length).toBe(30)
    expect(a.provider.wsconnected).toBe(true)
  })

  it('[S6] unloads an idle room and loads it again on the next connection', async () => {
    server = await startTestServer({ idleUnloadMs: 50 })
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    a.doc.getMap('m').set('kept', 'yes')
    await waitFor(() => server!.rooms.get(id)?.doc.getMap('m').get('kept') === 'yes', 'server has it')
    a.destroy()
    await waitFor(() => server!.rooms.get(id) === undefined, 'room unloaded')
    const b = connect(id)
    await b.synced
    expect(b.doc.getMap('m').get('kept')).toBe('yes')
    expect(server.rooms.get(id)).toBeDefined()
  })

  it('[S6] two concurrent first uses of a room share one load', async () => {
    const docs = new FaultyDocStore(new MemoryBackend().docs)
    server = await startTestServer({ backend: withDocStore(new MemoryBackend(), docs) })
    const [r1, r2, r3] = await Promise.all([
      server.rooms.open('concurrentRoom1'),
      server.rooms.open('concurrentRoom1'),
      server.rooms.open('concurrentRoom1'),
    ])
    expect(r1).toBe(r2)
    expect(r2).toBe(r3)
    expect(docs.loads).toBe(1)
  })

  it('[S6] shutdown closes sockets with ServerShutdown and leaves every room compacted on disk', async () => {
    server = await startTestServer()
    const { dataDir } = server
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    const closeCode = new Promise<number>((resolve) =>
      a.provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    )
    a.doc.getMap('m').set('last', 'word')
    await waitFor(() => server!.rooms.get(id)?.doc.getMap('m').get('last') === 'word', 'server has it')
    await server.close()
    server = null
    expect(await withTimeout(closeCode, 'close event')).toBe(CloseCode.ServerShutdown)
    a.destroy()
    const reopened = new SqliteBackend(dataDir)
    try {
      expect(await reopened.docs.pendingUpdates(id)).toBe(0)
      expect(rebuild(await reopened.docs.load(id)).getMap('m').get('last')).toBe('word')
    } finally {
      await reopened.close()
    }
  })

  it('[G6] deleting a session closes its room’s sockets with UnknownSession and drops the room without storing it again', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const other = await server.createSession({ title: 'Blijft' })
    const a = connect(id)
    const b = connect(id)
    const stays = connect(other.id)
    await Promise.all([a.synced, b.synced, stays.synced])
    a.doc.getMap('m').set('laatste', 'woord')
    await waitFor(() => b.doc.getMap('m').get('laatste') === 'woord', 'a change relayed before the deletion')
    expect((await server.api('DELETE', `/api/sessions/${id}`)).status).toBe(200)
    expect(await withTimeout(a.serverClosed, 'a closed')).toBe(CloseCode.UnknownSession)
    expect(await withTimeout(b.serverClosed, 'b closed')).toBe(CloseCode.UnknownSession)
    expect(server.rooms.get(id)).toBeUndefined()
    const stored = await server.storage.docs.load(id)
    expect(stored.snapshot).toBeNull()
    expect(stored.updates).toEqual([])
    // The other session's room and socket go on.
    stays.doc.getMap('m').set('nog', 'open')
    await waitFor(() => server!.rooms.get(other.id)?.doc.getMap('m').get('nog') === 'open', 'the other room still takes changes')
    expect(stays.provider.wsconnected).toBe(true)
  })

  it('[S1] a burst of updates is stored as fewer log entries, and all of it survives', async () => {
    const docs = new FaultyDocStore(new MemoryBackend().docs)
    server = await startTestServer({ backend: withDocStore(new MemoryBackend(), docs) })
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    docs.appendDelayMs = 50
    const before = docs.appendedAt.length
    for (let i = 0; i < 100; i++) a.doc.getArray<number>('burst').push([i])
    await waitFor(() => server!.rooms.get(id)?.doc.getArray('burst').length === 100, 'server has the burst')
    await server.rooms.get(id)?.whenSaved()
    expect(docs.appendedAt.length - before).toBeLessThan(100)
    expect(rebuild(await server.storage.docs.load(id)).getArray('burst').toJSON()).toEqual(Array.from({ length: 100 }, (_, i) => i))
  })
})
