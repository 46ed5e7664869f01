import { afterEach, describe, expect, it } from 'vitest'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('stock y-websocket clients', () => {
  let server: TestServer
  const clients: YClient[] = []
  const connect = (sessionId: string) => {
    const client = connectYClient(server.wsUrl, sessionId)
    clients.push(client)
    return client
  }

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[S11] two clients converge on the same document, both ways', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const a = connect(id)
    const b = connect(id)
    await Promise.all([a.synced, b.synced])
    a.doc.getMap('test').set('from', 'a')
    b.doc.getArray<string>('list').push(['b1', 'b2'])
    await waitFor(() => b.doc.getMap('test').get('from') === 'a', 'a → b')
    await waitFor(() => a.doc.getArray('list').length === 2, 'b → a')
    // Concurrent edits of the same key resolve to one value on both sides.
    a.doc.getMap('test').set('same', 'A')
    b.doc.getMap('test').set('same', 'B')
    await waitFor(
      () => a.doc.getMap('test').get('same') === b.doc.getMap('test').get('same') && a.doc.getMap('test').has('same'),
      'converged value',
    )
    expect(a.doc.getArray('list').toJSON()).toEqual(['b1', 'b2'])
    expect(server.rooms.get(id)?.doc.getMap('test').get('from')).toBe('a')
  })

  it('[S11] a late client receives the seeded board and earlier edits in its first sync', async () => {
    server = await startTestServer()
    const { id } = await server.createSession({ title: 'Late joiner' })
    const a = connect(id)
    await a.synced
    a.doc.getMap('test').set('early', true)
    await waitFor(() => server.rooms.get(id)?.doc.getMap('test').get('early') === true, 'server has the edit')
    const late = connect(id)
    await late.synced
    expect(late.doc.getMap('test').get('early')).toBe(true)
    expect(late.doc.getMap('session').get('title')).toBe('Late joiner')
  })

  it('[S11] awareness states reach the other clients and are removed when a client leaves', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const a = connect(id)
    const b = connect(id)
    await Promise.all([a.synced, b.synced])
    a.provider.awareness.setLocalStateField('user', { name: 'Anna', color: '#f00' })
    await waitFor(
      () => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Anna',
      'awareness a → b',
    )
    a.destroy()
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'awareness removed')
    expect(b.provider.awareness.getStates().has(b.doc.clientID)).toBe(true)
  })
})
