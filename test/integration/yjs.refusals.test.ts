import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '../../shared/closeCodes'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

describe('refused sockets and frames', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[S2] closes a socket for a session that does not exist with UnknownSession', async () => {
    server = await startTestServer()
    const client = connectYClient(server.wsUrl, 'doesNotExist123')
    clients.push(client)
    expect(await withTimeout(client.closed, 'close')).toBe(CloseCode.UnknownSession)
    expect(client.provider.shouldConnect).toBe(false)
  })

  it.each([
    ['too short', '/yjs/abc'],
    ['bad characters', '/yjs/abc%20def%3Bghi'],
    ['a nested path', '/yjs/abcdefgh/ijklmnop'],
    ['no id at all', '/yjs/'],
  ])('[S2] closes a socket with a malformed session id (%s) with UnknownSession', async (_name, path) => {
    server = await startTestServer()
    const socket = rawSocket(`ws://localhost:${server.port}${path}`)
    expect((await withTimeout(socket.closed, 'close')).code).toBe(CloseCode.UnknownSession)
    expect(socket.received).toEqual([])
  })

  it('[S12] closes a socket whose connection the auth hook refuses with Unauthorized', async () => {
    server = await startTestServer({
      auth: { authenticateConnection: async () => ({ code: CloseCode.Unauthorized, reason: 'Unauthorized' }) },
    })
    const { id } = await server.createSession()
    const socket = rawSocket(`${server.wsUrl}/${id}`)
    expect((await withTimeout(socket.closed, 'close')).code).toBe(CloseCode.Unauthorized)
  })

  it.each([
    ['an unknown message type', Uint8Array.of(9)],
    ['an unknown sync step', Uint8Array.of(0, 7, 0)],
    ['a truncated update', Uint8Array.of(0, 2, 200, 1, 5)],
    ['an update that is not Yjs', Uint8Array.of(0, 2, 4, 255, 255, 255, 255)],
    ['a bad awareness update', Uint8Array.of(1, 3, 1, 2, 3)],
    ['an empty frame', new Uint8Array(0)],
  ])('[S3] a frame with %s closes only its own connection with MalformedMessage', async (_name, frame) => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const a = connectYClient(server.wsUrl, id)
    clients.push(a)
    await a.synced
    const bad = rawSocket(`${server.wsUrl}/${id}`)
    await bad.opened
    bad.ws.send(frame)
    expect((await withTimeout(bad.closed, 'close')).code).toBe(CloseCode.MalformedMessage)
    // The room and the other connection carry on.
    const b = connectYClient(server.wsUrl, id)
    clients.push(b)
    await b.synced
    a.doc.getMap('test').set('still', 'alive')
    await waitFor(() => b.doc.getMap('test').get('still') === 'alive', 'a → b after the bad frame')
    expect(a.provider.wsconnected).toBe(true)
  })

  it('[S3] a text frame closes the connection with MalformedMessage', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const socket = rawSocket(`${server.wsUrl}/${id}`)
    await socket.opened
    socket.ws.send('hallo')
    expect((await withTimeout(socket.closed, 'close')).code).toBe(CloseCode.MalformedMessage)
  })

  it('[S3] a frame above the size cap closes the connection with MessageTooLarge and stores nothing', async () => {
    server = await startTestServer({ maxMessageBytes: 1024 })
    const { id } = await server.createSession()
    const before = await server.storage.docs.load(id)
    const socket = rawSocket(`${server.wsUrl}/${id}`)
    await socket.opened
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint8Array(encoder, new Uint8Array(2000))
    socket.ws.send(encoding.toUint8Array(encoder))
    expect((await withTimeout(socket.closed, 'close')).code).toBe(CloseCode.MessageTooLarge)
    expect((await server.storage.docs.load(id)).lastSeq).toBe(before.lastSeq)
  })

  it('[S11] answers query-awareness with the current states', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const a = connectYClient(server.wsUrl, id)
    clients.push(a)
    await a.synced
    a.provider.awareness.setLocalStateField('user', { name: 'Bram' })
    await waitFor(() => server.rooms.get(id)?.awareness.getStates().has(a.doc.clientID), 'server has a’s state')
    const socket = rawSocket(`${server.wsUrl}/${id}`)
    await socket.opened
    const before = socket.received.length
    socket.ws.send(Uint8Array.of(3))
    const reply = await waitFor(
      () => socket.received.slice(before).find((frame) => frame[0] === 1),
      'an awareness reply',
    )
    expect(new TextDecoder().decode(reply)).toContain('Bram')
    socket.ws.close()
  })
})
