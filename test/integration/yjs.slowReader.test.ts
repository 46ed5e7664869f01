import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { captureLog } from '../helpers/captureLog'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

const CAP = 64 * 1024

describe('a connection that does not read', () => {
  let server: TestServer
  const clients: YClient[] = []
  const sockets: RawSocket[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.terminate()
    await server?.close()
    removeTempDirs()
  })

  it('[S3] is closed with 1013 once its send buffer passes 4× the cap; the others carry on', async () => {
    const { log, lines } = captureLog()
    server = await startTestServer({ backend: new MemoryBackend(), maxMessageBytes: CAP, log })
    const { id } = await server.createSession()
    const slow = rawSocket(`${server.wsUrl}/${id}`)
    sockets.push(slow)
    await slow.opened
    await waitFor(() => slow.received.length > 0, 'the slow socket joined the room')
    slow.ws.pause() // reads nothing more: the kernel buffers fill, then the server's send buffer
    const writer = connectYClient(server.wsUrl, id)
    clients.push(writer)
    await writer.synced
    const room = server.rooms.get(id)!
    // Random text: what the server sends compresses little (S52), so its send buffer does fill.
    const chunkLength = CAP - 1024
    const chunk = () => randomBytes(chunkLength).toString('base64').slice(0, chunkLength)
    let sent = 0
    // Each update is under the cap; keep writing until the server gives up on the slow one.
    while (room.connectionCount > 1 && sent < 400) {
      for (let i = 0; i < 10; i++) writer.doc.getText('t').insert(0, chunk())
      sent += 10
      await waitFor(() => room.doc.getText('t').length === sent * chunkLength, 'the server has the writer’s updates')
      await room.whenSaved()
    }
    expect(room.connectionCount).toBe(1)
    expect(lines.some((l) => /does not keep up/.test(l.msg))).toBe(true)
    slow.ws.resume()
    expect((await withTimeout(slow.closed, 'the close frame', 20_000)).code).toBe(1013)

    // The writer carries on, and a new connection syncs the whole document.
    writer.doc.getMap('m').set('after', 'yes')
    const reader = connectYClient(server.wsUrl, id)
    clients.push(reader)
    await reader.synced
    await waitFor(() => reader.doc.getMap('m').get('after') === 'yes', 'the writer’s later update at a new reader')
    expect(reader.doc.getText('t').length).toBe(sent * chunkLength)
    expect(writer.provider.wsconnected).toBe(true)
  }, 60_000)
})
