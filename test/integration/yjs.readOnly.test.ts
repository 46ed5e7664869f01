import { afterEach, describe, expect, it } from 'vitest'
import { ANONYMOUS_ACTOR_FOR_TESTS, WRITER_ACTOR_FOR_TESTS } from '../helpers/actors'
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
    viewer.provider.awareness.setLocalStateField('user', { name: 'Waarnemer VWS' })
    await waitFor(
      () => (writer.provider.awareness.getStates().get(viewer.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Waarnemer VWS',
      'viewer presence at the writer',
    )
    expect(server.rooms.get(id)?.doc.getMap('test').has('sneaky')).toBe(false)
    expect(writer.doc.getMap('test').has('sneaky')).toBe(false)
    expect((await server.storage.docs.load(id)).lastSeq).toBe(storedAfterWriter)
    expect(viewer.provider.wsconnected).toBe(true)
  })
})
