import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ANONYMOUS_ACTOR_FOR_TESTS, WRITER_ACTOR_FOR_TESTS } from '../helpers/actors'
import { createInvite } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('read-only grants', () => {
  let server: TestServer
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    removeTempDirs()
  })

  it('[S7] a read-only connection receives edits and shows presence, but its own updates are refused', async () => {
    server = await startTestServer({
      auth: {
        authenticateConnection: async (req) => {
          const readOnly = new URL(req.url ?? '/', 'http://x').searchParams.get('role') === 'waarnemer'
          return { actor: readOnly ? ANONYMOUS_ACTOR_FOR_TESTS : WRITER_ACTOR_FOR_TESTS, readOnly }
        },
      },
    })
    const { id } = await server.createSession()
    const writer = connectYClient(server.wsUrl, id)
    const viewer = connectYClient(server.wsUrl, id, { params: { role: 'waarnemer' } })
    clients.push(writer, viewer)
    await Promise.all([writer.synced, viewer.synced])
    const storedBefore = (await server.storage.docs.load(id)).lastSeq

    writer.doc.getMap('test').set('by', 'writer')
    await waitFor(() => viewer.doc.getMap('test').get('by') === 'writer', 'writer → viewer')
    const storedAfterWriter = (await server.storage.docs.load(id)).lastSeq
    expect(storedAfterWriter).toBeGreaterThan(storedBefore)

    viewer.doc.getMap('test').set('sneaky', 'viewer')
    // Frames of one socket are handled in order: once the viewer's later awareness
    // state reached the writer, the server has handled (and refused) its update.
    viewer.provider.awareness.setLocalStateField('marker', 'Waarnemer VWS')
    await waitFor(
      () => (writer.provider.awareness.getStates().get(viewer.doc.clientID) as { marker?: string } | undefined)?.marker === 'Waarnemer VWS',
      'viewer presence at the writer',
    )
    expect(server.rooms.get(id)?.doc.getMap('test').has('sneaky')).toBe(false)
    expect(writer.doc.getMap('test').has('sneaky')).toBe(false)
    expect((await server.storage.docs.load(id)).lastSeq).toBe(storedAfterWriter)
    expect(viewer.provider.wsconnected).toBe(true)
  })

  it('[S7][P6] a waarnemer connecting with offline edits: its sync step 2 is refused, not applied, stored or relayed', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const invite = await createInvite(server, id, 'waarnemer')
    const writer = connectYClient(server.wsUrl, id)
    clients.push(writer)
    await writer.synced
    const storedBefore = (await server.storage.docs.load(id)).lastSeq

    // Edits made before connecting reach the server only as the sync step 2
    // a stock client sends in answer to the server's sync step 1.
    const offline = new Y.Doc()
    offline.getMap('test').set('offline', 'waarnemer')
    const viewer = connectYClient(server.wsUrl, id, { doc: offline, params: { token: invite.token } })
    clients.push(viewer)
    const closes: number[] = []
    viewer.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? 0))
    await viewer.synced
    // Its step 2 went out before the sync finished; a later frame of the same
    // socket reaching the writer shows the server has handled it.
    viewer.provider.awareness.setLocalStateField('marker', 'Waarnemer offline')
    await waitFor(
      () => (writer.provider.awareness.getStates().get(offline.clientID) as { marker?: string } | undefined)?.marker === 'Waarnemer offline',
      'viewer presence at the writer',
    )
    expect(server.rooms.get(id)?.doc.getMap('test').has('offline')).toBe(false)
    expect(writer.doc.getMap('test').has('offline')).toBe(false)
    expect((await server.storage.docs.load(id)).lastSeq).toBe(storedBefore)
    // Refused, not closed: the socket stayed open all along (a reconnect would hide a close).
    expect(closes).toEqual([])
    expect(viewer.provider.wsconnected).toBe(true)
  })
})
