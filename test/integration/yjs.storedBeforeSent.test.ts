/**
 * S1 with several updates in flight, on the real SQLite store: whatever a
 * client receives — a sync step 2 reply or a broadcast — is in the store
 * already. The store holds appends until the test releases them, so the
 * interleaving is exact and nothing depends on timing.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteBackend } from '../../server/core/storage/SqliteBackend'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { HoldingDocStore, withDocStore } from '../helpers/faultyDocs'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs, tempDir } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('S1 with updates in flight', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []

  let docs: HoldingDocStore | null = null

  afterEach(async () => {
    if (docs) docs.holding = false
    while (docs && docs.held.length > 0) docs.release()
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = null
    removeTempDirs()
  })

  const connect = (id: string) => {
    const client = connectYClient(server!.wsUrl, id)
    clients.push(client)
    return client
  }

  /** The keys of map "m" the store has for the room. */
  const storedKeys = async (id: string): Promise<string[]> => {
    const stored = await server!.storage.docs.load(id)
    const doc = new Y.Doc()
    for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
    return [...doc.getMap('m').keys()].sort()
  }
  /** A server on real SQLite whose appends wait for the test while `holding` is set, and a session on it. */
  const startHolding = async () => {
    const backend = new SqliteBackend(tempDir())
    const holding = new HoldingDocStore(backend.docs)
    docs = holding
    server = await startTestServer({ backend: withDocStore(backend, holding) })
    const { id } = await server.createSession()
    return { holding, id }
  }
  const keysOf = (client: YClient) => [...client.doc.getMap('m').keys()].sort()

  it.each([2, 5])(
    '[S1] with %i updates arriving while earlier ones are being stored, a joining client\'s sync reply and the broadcasts hold only stored updates',
    async (inFlight) => {
      const { holding, id } = await startHolding()
      const writer = connect(id)
      await writer.synced
      const serverHas = (key: string) => waitFor(() => server!.rooms.get(id)?.doc.getMap('m').has(key) === true, `the server applied ${key}`)
      holding.holding = true

      // u0 is being stored (its append held) when the late client asks for the state.
      writer.doc.getMap('m').set('u0', 0)
      await serverHas('u0')
      await waitFor(() => holding.held.length === 1, 'u0 in flight')
      const late = connect(id)
      await waitFor(() => late.provider.wsconnected, 'the late client connected')
      late.provider.awareness.setLocalStateField('joined', true)
      // Frames of one socket are handled in order: the late client's presence reaching the
      // writer means the server has handled its sync step 1 (sent on open, before it).
      await waitFor(() => writer.provider.awareness.getStates().get(late.doc.clientID)?.joined === true, 'the late client joined')

      for (let i = 1; i <= inFlight; i++) {
        // u_i arrives while u_{i-1} is being stored; then u_{i-1} is released.
        writer.doc.getMap('m').set(`u${i}`, i)
        await serverHas(`u${i}`)
        holding.release()
        await waitFor(async () => (await storedKeys(id)).includes(`u${i - 1}`), `u${i - 1} stored`)
        await waitFor(() => late.doc.getMap('m').has(`u${i - 1}`), `u${i - 1} at the late client`)
        await waitFor(() => holding.held.length === 1, `u${i} in flight`)
        // A later event on the same socket: everything the server sent the late client before it has arrived.
        writer.provider.awareness.setLocalStateField('step', i)
        await waitFor(
          () => (late.provider.awareness.getStates().get(writer.doc.clientID) as { step?: number } | undefined)?.step === i,
          `the writer's step ${i} at the late client`,
        )
        const stored = await storedKeys(id)
        expect(stored).not.toContain(`u${i}`)
        expect(keysOf(late)).toEqual(stored)
      }

      holding.release()
      await waitFor(() => late.doc.getMap('m').has(`u${inFlight}`), 'the last update at the late client')
      expect(await storedKeys(id)).toEqual(keysOf(late))
    },
  )

  it('[S1] a batch that arrives while the previous one is being stored is appended at once, and broadcast only after it', async () => {
    const { holding, id } = await startHolding()
    // Two writers: u1 does not depend on u0, so the listener would apply it on its own.
    const writer = connect(id)
    const other = connect(id)
    const listener = connect(id)
    await Promise.all([writer.synced, other.synced, listener.synced])
    const arrived: string[] = []
    listener.doc.getMap('m').observe((event) => arrived.push(...event.keysChanged))
    holding.holding = true

    writer.doc.getMap('m').set('u0', 0)
    await waitFor(() => holding.held.length === 1, 'u0 being stored')
    other.doc.getMap('m').set('u1', 1)
    // u1 does not wait for u0's append to end before its own begins.
    await waitFor(() => holding.held.length === 2, 'u1 being stored beside u0')

    // u1's append ends first: it is durable, but u0 is not, so neither is broadcast yet.
    const [first, second] = holding.held.splice(0, 2)
    holding.holding = false
    try {
      const logged = (await server!.storage.docs.load(id)).updates.length
      second!.release()
      await waitFor(async () => (await server!.storage.docs.load(id)).updates.length === logged + 1, 'u1 stored')
      writer.provider.awareness.setLocalStateField('barrier', 1)
      await waitFor(
        () => (listener.provider.awareness.getStates().get(writer.doc.clientID) as { barrier?: number } | undefined)?.barrier === 1,
        'the barrier at the listener',
      )
      expect(arrived).toEqual([])
    } finally {
      first!.release()
    }
    await waitFor(() => arrived.length === 2, 'both updates at the listener')
    expect(arrived).toEqual(['u0', 'u1'])
    expect(await storedKeys(id)).toEqual(['u0', 'u1'])
  })
})
