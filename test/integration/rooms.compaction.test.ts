/**
 * When a room compacts its log (SPEC S5) and how it estimates its document's
 * size (L2: what it stored since its last compaction), on a real SQLite
 * store with real websockets. "Not compacted" is read from the store after
 * the room's queue has passed the point where the compaction would have run
 * (`whenSaved` runs after every task queued before it), never after a wait.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import { noteRecord, PAGE_ID } from '../../shared/records'
import { recordsOf } from '../../shared/ydoc'
import type { StoredDoc } from '../../server/core/storage/DocStore'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

function rebuild(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update)
  return doc
}

/** `n` updates made elsewhere (another doc), one key each. */
function updatesMadeElsewhere(n: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < n; i++) doc.getMap('elders').set(`k${i}`, i)
  return updates
}

/** A sticky whose text is `chars` characters (15,000: about 15 KB stored; rich text holds at most 20,000, L5). */
const bigNote = (n: number, chars = 15_000) =>
  noteRecord({ id: `shape:groot${n}`, text: 'x'.repeat(chars), meta: { tag: 'opmerking' }, parentId: PAGE_ID, x: n * 250, y: 0, index: `a${n}` })

describe('compaction thresholds and the size estimate of a room (S5, L2)', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []
  const connect = (id: string) => {
    const client = connectYClient(server!.wsUrl, id)
    clients.push(client)
    return client
  }
  const pending = (id: string) => server!.storage.docs.pendingUpdates(id)

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = null
    removeTempDirs()
  })

  it('[S5] a room whose log holds as many updates as the bound when it loads compacts at once; one fewer stays logged', async () => {
    server = await startTestServer({ compactAfter: 4, idleUnloadMs: 20 })
    const full = await server.createSession({ title: 'Vol' })
    const short = await server.createSession({ title: 'Net niet vol' })
    // Both unload (and compact) after creation; then updates are logged behind their snapshots.
    await waitFor(async () => server!.rooms.loadedCount === 0 && (await pending(full.id)) === 0 && (await pending(short.id)) === 0, 'both rooms unloaded and compacted')
    for (const u of updatesMadeElsewhere(4)) await server.storage.docs.appendUpdate(full.id, u)
    for (const u of updatesMadeElsewhere(3)) await server.storage.docs.appendUpdate(short.id, u)

    const fullRoom = await server.rooms.open(full.id)
    const shortRoom = await server.rooms.open(short.id)
    await Promise.all([fullRoom.whenSaved(), shortRoom.whenSaved()])
    expect(await pending(full.id)).toBe(0)
    expect(rebuild(await server.storage.docs.load(full.id)).getMap('elders').size).toBe(4)
    expect(await pending(short.id)).toBe(3)
  })

  it('[S5] while clients write, the log is compacted each time it reaches the bound, and counted again from there', async () => {
    const compactAfter = 3
    server = await startTestServer({ compactAfter })
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    const room = server.rooms.get(id)!
    await room.whenSaved()
    let before = await pending(id)
    expect(before).toBeLessThan(compactAfter)
    const counts: number[] = []
    const expected: number[] = []
    // One stored update at a time: each adds one entry to the log.
    for (let i = 0; i < 7; i++) {
      a.doc.getArray<number>('n').push([i])
      await waitFor(() => room.doc.getArray('n').length === i + 1, `the server has ${i + 1}`)
      await room.whenSaved()
      const now = await pending(id)
      counts.push(now)
      expected.push(before + 1 === compactAfter ? 0 : before + 1)
      before = now
    }
    expect(counts).toEqual(expected)
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(2)
    expect(rebuild(await server.storage.docs.load(id)).getArray('n').toJSON()).toEqual([0, 1, 2, 3, 4, 5, 6])
  })

  it('[L2] an open room’s size grows by every stored update: an addition past the cap is refused; after its clients leave, the compaction measures it again and the room takes as much again', async () => {
    server = await startTestServer({ limits: { maxDocBytes: 40_000 } })
    const { id } = await server.createSession()
    const writer = connect(id)
    await writer.synced
    const room = server.rooms.get(id)!
    const start = room.storedBytes
    expect(start).toBeGreaterThan(0)
    expect(start).toBeLessThan(8_000)

    recordsOf(writer.doc).set('shape:groot1', bigNote(1))
    await waitFor(() => recordsOf(room.doc).has('shape:groot1'), 'the first large sticky at the server')
    await room.whenSaved()
    expect(room.storedBytes).toBeGreaterThan(start + 15_000)
    recordsOf(writer.doc).set('shape:groot2', bigNote(2))
    await waitFor(() => recordsOf(room.doc).has('shape:groot2'), 'the second large sticky at the server')
    await room.whenSaved()
    const full = room.storedBytes
    expect(full).toBeGreaterThan(start + 30_000)
    // A third would pass 40,000 bytes.
    recordsOf(writer.doc).set('shape:groot3', bigNote(3))
    expect(await withTimeout(writer.serverClosed, 'the document cap')).toBe(CloseCode.LimitExceeded)
    writer.destroy()
    expect(recordsOf(room.doc).has('shape:groot3')).toBe(false)

    // Deleting stays possible; then the room empties and compacts.
    const cleaner = connect(id)
    await cleaner.synced
    cleaner.doc.transact(() => {
      recordsOf(cleaner.doc).delete('shape:groot1')
      recordsOf(cleaner.doc).delete('shape:groot2')
    })
    await waitFor(() => !recordsOf(room.doc).has('shape:groot1') && !recordsOf(room.doc).has('shape:groot2'), 'the deletions at the server')
    await room.whenSaved()
    cleaner.destroy()
    await waitFor(async () => room.connectionCount === 0 && (await pending(id)) === 0, 'the room empty and compacted')
    await room.whenSaved()
    // Measured again: the doc as the compaction encoded it (the deleted text gone).
    expect(room.storedBytes).toBe(Y.encodeStateAsUpdate(room.doc).byteLength)
    expect(room.storedBytes).toBeLessThan(full - 25_000)

    const again = connect(id)
    await again.synced
    recordsOf(again.doc).set('shape:groot3', bigNote(3))
    recordsOf(again.doc).set('shape:groot4', bigNote(4))
    await waitFor(() => recordsOf(room.doc).has('shape:groot3') && recordsOf(room.doc).has('shape:groot4'), 'two large stickies again')
  })

  it('[L2] a room loaded from the store counts its snapshot and every update logged after it', async () => {
    server = await startTestServer({ idleUnloadMs: 20, limits: { maxDocBytes: 40_000 } })
    const { id } = await server.createSession()
    const first = connect(id)
    await first.synced
    recordsOf(first.doc).set('shape:groot1', bigNote(1))
    await waitFor(() => server!.rooms.get(id) !== undefined && recordsOf(server!.rooms.get(id)!.doc).has('shape:groot1'), 'the large sticky at the server')
    first.destroy()
    await waitFor(async () => server!.rooms.get(id) === undefined && (await pending(id)) === 0, 'the room unloaded and compacted')

    // An update logged behind the snapshot (another instance's, or one stored just before a crash).
    const elsewhere = rebuild(await server.storage.docs.load(id))
    const logged: Uint8Array[] = []
    elsewhere.on('update', (u: Uint8Array) => logged.push(u))
    recordsOf(elsewhere).set('shape:groot2', bigNote(2))
    for (const u of logged) await server.storage.docs.appendUpdate(id, u)
    const stored = await server.storage.docs.load(id)
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates.length).toBeGreaterThan(0)
    const size = stored.snapshot!.byteLength + stored.updates.reduce((sum, u) => sum + u.byteLength, 0)

    const second = connect(id)
    await second.synced
    expect(server.rooms.get(id)!.storedBytes).toBe(size)
    // Snapshot and logged update are 30 KB together: one more such sticky passes the cap only when both count.
    recordsOf(second.doc).set('shape:groot3', bigNote(3))
    expect(await withTimeout(second.serverClosed, 'the document cap')).toBe(CloseCode.LimitExceeded)
    expect(recordsOf(rebuild(await server.storage.docs.load(id))).has('shape:groot3')).toBe(false)
  })
})
