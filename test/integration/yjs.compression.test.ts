/**
 * S52: a board's first sync goes compressed to a client that offers
 * permessage-deflate (browsers and the `ws` client do), and plain to one that
 * does not; messages under 4 KiB (live updates, a fresh session's first
 * sync) are not compressed.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { addSticky } from '../../shared/ydoc'
import { deflateStats } from '../../server/core/sharedDeflate'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

/** Opens the board, asks for everything (sync step 1 with an empty state) and returns the answer with the bytes on the wire. */
async function firstSync(url: string, compress: boolean) {
  const ws = new WebSocket(`${url}?token=${TEST_ADMIN_TOKEN}`, { perMessageDeflate: compress })
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // messageSync
  syncProtocol.writeSyncStep1(encoder, new (await import('yjs')).Doc())
  ws.send(encoding.toUint8Array(encoder))
  const isStep2 = (m: Uint8Array) => {
    const d = decoding.createDecoder(m)
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2
  }
  await waitFor(() => messages.some(isStep2), 'the sync step 2 answer')
  const socket = (ws as unknown as { _socket: { bytesRead: number } })._socket
  const result = { extensions: ws.extensions, payload: messages.reduce((n, m) => n + m.byteLength, 0), wire: socket.bytesRead, step2: messages.find(isStep2)!.byteLength }
  ws.close()
  return result
}

describe('compressed first sync (S52)', () => {
  let server: TestServer
  const clients: YClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[S52] a 300-sticky board reaches a client that offers permessage-deflate in well under half its bytes, and one that does not in plain frames', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const writer = connectYClient(server.wsUrl, id)
    clients.push(writer)
    await writer.synced
    writer.doc.transact(() => {
      for (let i = 0; i < 300; i++) addSticky(writer.doc, { text: `Korte lijnen met de huisarts in de wijk, nummer ${i}`, tag: i % 2 ? 'bevorderend' : 'belemmerend' })
    })
    await waitFor(() => (server.rooms.get(id)?.doc.getArray('tldraw').length ?? 0) > 300, 'the stickies on the server')

    const compressed = await firstSync(`${server.wsUrl}/${id}`, true)
    const plain = await firstSync(`${server.wsUrl}/${id}`, false)
    console.log(`first sync of 300 stickies: ${compressed.step2} bytes; on the wire ${compressed.wire} compressed, ${plain.wire} plain`)
    expect(compressed.extensions).toContain('permessage-deflate')
    expect(plain.extensions).toBe('')
    expect(compressed.step2).toBeGreaterThan(50_000)
    expect(compressed.step2).toBe(plain.step2)
    expect(compressed.wire).toBeLessThan(compressed.payload / 2)
    expect(plain.wire).toBeGreaterThanOrEqual(plain.payload)
  })

  it('[S52] a message under 4 KiB goes plain even to a client that offers permessage-deflate: a fresh session\'s first sync', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const before = deflateStats.compressions
    const fresh = await firstSync(`${server.wsUrl}/${id}`, true)
    expect(fresh.extensions).toContain('permessage-deflate')
    // Its sheets make it more than 1 KiB (the old threshold) and less than 4 KiB.
    expect(fresh.step2).toBeGreaterThan(1024)
    expect(fresh.step2).toBeLessThan(4096)
    expect(fresh.wire).toBeGreaterThanOrEqual(fresh.payload)
    expect(deflateStats.compressions - before).toBe(0)
  })

  it('[S57] a message that goes to many clients is compressed once for all of them: the first sync of fresh clients and a large broadcast update', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const writer = connectYClient(server.wsUrl, id)
    clients.push(writer)
    await writer.synced
    writer.doc.transact(() => {
      for (let i = 0; i < 100; i++) addSticky(writer.doc, { text: `Wachtlijsten in de ggz, punt ${i}`, tag: 'belemmerend' })
    })
    await waitFor(() => (server.rooms.get(id)?.doc.getArray('tldraw').length ?? 0) > 100, 'the stickies on the server')
    // Stored and relayed: readers who join while it is pending also get it as an update (a second message).
    await server.rooms.get(id)!.whenSaved()

    const before = deflateStats.compressions
    const readers = Array.from({ length: 8 }, () => connectYClient(server.wsUrl, id))
    clients.push(...readers)
    await Promise.all(readers.map((r) => r.synced))
    const boardSize = server.rooms.get(id)!.doc.getArray('tldraw').length
    for (const r of readers) expect(r.doc.getArray('tldraw').length).toBe(boardSize)
    // One room, one first-sync reply, one compression for the eight of them.
    expect(deflateStats.compressions - before).toBe(1)

    // A large update (about 10 kB) reaches every reader, compressed once.
    writer.doc.transact(() => {
      for (let i = 0; i < 30; i++) addSticky(writer.doc, { text: `Later toegevoegd ${i}`, tag: 'bevorderend' })
    })
    await waitFor(() => readers.every((r) => r.doc.getArray('tldraw').length > boardSize), 'the large update at every reader')
    expect(deflateStats.compressions - before).toBe(2)
  })
})
