import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { TEST_ADMIN_TOKEN } from '../helpers/adminToken'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { withTimeout } from '../helpers/waitFor'

/**
 * Sends a websocket upgrade and, in the same write, a frame that breaks the
 * websocket framing itself (not the y-websocket protocol): ws rejects it
 * before the room is joined. Resolves when the server ends the TCP socket.
 */
function upgradeWithInvalidFrame(port: number, path: string, frame: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = ''
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      )
      socket.write(frame)
    })
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
    })
    socket.on('error', reject)
    socket.on('close', () => resolve(received))
  })
}

describe('frames that break websocket framing', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it.each([
    ['an unmasked client frame', Buffer.from([0x82, 0x02, 0x00, 0x00])],
    ['a reserved opcode', Buffer.from([0x83, 0x80, 0, 0, 0, 0])],
    ['a control frame longer than 125 bytes', Buffer.from([0x89, 0xfe, 0x00, 0x80, 0, 0, 0, 0])],
  ])('[P15] %s sent while the room is still joining closes that socket and the server carries on', async (_name, frame) => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const answer = await withTimeout(upgradeWithInvalidFrame(server.port, `/yjs/${id}?token=${TEST_ADMIN_TOKEN}`, frame), 'socket end')
    expect(answer).toMatch(/^HTTP\/1\.1 101/)
    // The server is still up: HTTP answers and a stock client syncs the board.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    const client = connectYClient(server.wsUrl, id)
    clients.push(client)
    await client.synced
    expect(client.doc.getArray('tldraw').length).toBeGreaterThan(0)
  })

  it('[P15] an invalid frame from a socket without any credential does not take the server down', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    await withTimeout(upgradeWithInvalidFrame(server.port, `/yjs/${id}`, Buffer.from([0x82, 0x02, 0x00, 0x00])), 'socket end')
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})
