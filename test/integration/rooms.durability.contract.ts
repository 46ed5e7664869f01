/**
 * S1, S4 and S9 on a real store: a server whose DocStore is the store under
 * test wrapped in FaultyDocStore (a disk that holds its answer or fails).
 * Every Storage implementation runs this same suite (memory, SQLite, and
 * PostgreSQL when it lands): call it from a *.test.ts file. "Nothing
 * happened yet" is shown by a later message on the same socket, never by
 * waiting.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Backend } from '../../server/core/storage/Backend'
import type { StoredDoc } from '../../server/core/storage/DocStore'
import { captureLog } from '../helpers/captureLog'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { FaultyDocStore, withDocStore } from '../helpers/faultyDocs'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { carriesClient, readFrame, step1Frame } from '../helpers/syncFrames'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'
import type { ServerOptions } from '../../server/app'

export interface DurableStoreFactory {
  /** A fresh, empty backend. */
  create(): Promise<Backend>
  /**
   * A second, independent handle on the same data while the first stays
   * open (what a restarted process would read); omit for stores that do not persist.
   */
  openCopy?(backend: Backend): Promise<Backend>
}

function rebuild(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update)
  return doc
}

const QUERY_AWARENESS = new Uint8Array([3])

export function roomDurabilityContract(name: string, factory: DurableStoreFactory): void {
  describe(`room durability on a real store: ${name}`, () => {
    let server: TestServer | null = null
    let docs: FaultyDocStore
    let release: (() => void) | null = null
    const clients: YClient[] = []
    const sockets: RawSocket[] = []
    const copies: Backend[] = []

    async function start(opts: Partial<ServerOptions> = {}): Promise<TestServer> {
      const backend = await factory.create()
      docs = new FaultyDocStore(backend.docs)
      server = await startTestServer({ backend: withDocStore(backend, docs), ...opts })
      return server
    }
    const connect = (id: string) => {
      const client = connectYClient(server!.wsUrl, id)
      clients.push(client)
      return client
    }

    afterEach(async () => {
      release?.()
      release = null
      for (const c of clients.splice(0)) c.destroy()
      for (const s of sockets.splice(0)) s.ws.close()
      await server?.close()
      server = null
      for (const c of copies.splice(0)) await c.close()
      removeTempDirs()
    })

    it('[S1] an update is broadcast only once the store has it: a later frame of the sender arrives first', async () => {
      const srv = await start()
      const { id } = await srv.createSession()
      const a = connect(id)
      const b = connect(id)
      await Promise.all([a.synced, b.synced])
      release = docs.hold()
      a.doc.getMap('m').set('slow', 'disk')
      await waitFor(() => docs.held > 0, 'the append waiting at the disk')
      // Awareness is relayed at once; frames of one socket are handled in order.
      a.provider.awareness.setLocalStateField('user', { name: 'Na de update' })
      await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Na de update', 'a’s later awareness at b')
      expect(b.doc.getMap('m').has('slow')).toBe(false)
      release()
      await waitFor(() => b.doc.getMap('m').get('slow') === 'disk', 'b receives it once stored')
      expect(rebuild(await srv.storage.docs.load(id)).getMap('m').get('slow')).toBe('disk')
    })

    it('[S1] a sync step 2 answer includes an update only once it is stored', async () => {
      const srv = await start()
      const { id } = await srv.createSession()
      const a = connect(id)
      await a.synced
      release = docs.hold()
      a.doc.getMap('m').set('in', 'flight')
      await waitFor(() => srv.rooms.get(id)?.doc.getMap('m').get('in') === 'flight', 'the server applied it')
      const late = rawSocket(`${srv.wsUrl}/${id}`)
      sockets.push(late)
      await late.opened
      late.ws.send(step1Frame(new Y.Doc()))
      // Answered at once, after the sync step 1 above was handled.
      late.ws.send(QUERY_AWARENESS)
      await waitFor(() => late.received.map(readFrame).some((f) => f.kind === 'awareness'), 'the awareness answer')
      expect(late.received.map(readFrame).filter((f) => f.kind === 'step2' || f.kind === 'update')).toEqual([])
      release()
      const step2 = await waitFor(() => late.received.map(readFrame).find((f) => f.kind === 'step2'), 'the sync step 2 once stored')
      expect(carriesClient(step2, a.doc.clientID)).toBe(true)
    })

    it('[S1] the API answers 201 only once the sticky is stored', async () => {
      const srv = await start()
      const { id } = await srv.createSession()
      release = docs.hold()
      let answered: number | null = null
      const posted = srv.api('POST', `/api/sessions/${id}/stickies`, { text: 'Wacht op de schijf', tag: 'afspraak' }).then((res) => {
        answered = res.status
        return res
      })
      await waitFor(() => docs.held > 0, 'the append waiting at the disk')
      // A later request is answered while the sticky still waits for the disk.
      expect((await srv.api('GET', '/api/health')).status).toBe(200)
      expect(answered).toBeNull()
      release()
      expect((await posted).status).toBe(201)
      expect(JSON.stringify(rebuild(await srv.storage.docs.load(id)).getArray('tldraw').toJSON())).toContain('Wacht op de schijf')
    })

    it('[S9] a failed save is logged and relayed, keeps the room loaded, and is retried until it succeeds', async () => {
      const { log, lines } = captureLog()
      const srv = await start({ log, idleUnloadMs: 30, retryMs: 50 })
      const { id } = await srv.createSession()
      const control = await srv.createSession({ title: 'Controle' })
      const a = connect(id)
      const b = connect(id)
      const c = connect(control.id)
      await Promise.all([a.synced, b.synced, c.synced])
      docs.failingRoom = id
      a.doc.getMap('m').set('precious', 'data')
      await waitFor(() => lines.some((l) => l.level >= 50 && /saving the room failed/.test(l.msg)), 'an error logged')
      // Still relayed: every copy counts while the disk fails.
      await waitFor(() => b.doc.getMap('m').get('precious') === 'data', 'b has it')
      a.destroy()
      b.destroy()
      await waitFor(() => srv.rooms.get(id)?.connectionCount === 0, 'the room empty')
      // The control room empties later and unloads after the same idle delay: by then the
      // failing room would have been unloaded too.
      c.destroy()
      await waitFor(() => srv.rooms.get(control.id) === undefined, 'the control room unloaded')
      const room = srv.rooms.get(id)
      expect(room?.unsaved).toBe(true)
      expect(room?.doc.getMap('m').get('precious')).toBe('data')
      docs.failingRoom = null
      await waitFor(async () => rebuild(await srv.storage.docs.load(id)).getMap('m').get('precious') === 'data', 'saved on retry')
      await waitFor(() => srv.rooms.get(id) === undefined, 'unloaded once saved')
    })

    it('[S9] with its clients still there and nothing more written, a failed save is retried by the room’s own timer', async () => {
      const { log, lines } = captureLog()
      const srv = await start({ log, idleUnloadMs: 60_000, retryMs: 50 })
      const { id } = await srv.createSession()
      const a = connect(id)
      await a.synced
      docs.failingRoom = id
      a.doc.getMap('m').set('precious', 'data')
      await waitFor(() => lines.some((l) => l.level >= 50 && /saving the room failed/.test(l.msg)), 'an error logged')
      expect(srv.rooms.get(id)?.unsaved).toBe(true)
      // The disk heals; the client stays and writes nothing: no unload, no later update triggers a save.
      docs.failingRoom = null
      await waitFor(async () => rebuild(await srv.storage.docs.load(id)).getMap('m').get('precious') === 'data', 'saved by the retry')
      expect(srv.rooms.get(id)?.unsaved).toBe(false)
      expect(srv.rooms.get(id)?.connectionCount).toBe(1)
    })

    if (factory.openCopy) {
      const openCopy = factory.openCopy
      it('[S4][S1] what a client saw relayed is already on disk: another handle on the data reads it without a flush', async () => {
        const srv = await start()
        const { id } = await srv.createSession()
        const a = connect(id)
        const b = connect(id)
        await Promise.all([a.synced, b.synced])
        a.doc.getMap('m').set('acknowledged', 'yes')
        await waitFor(() => b.doc.getMap('m').get('acknowledged') === 'yes', 'b receives it')
        const res = await srv.api<{ id: string }>('POST', `/api/sessions/${id}/stickies`, { text: 'Bevestigd', tag: 'conclusie' })
        expect(res.status).toBe(201)
        const copy = await openCopy(srv.backend)
        copies.push(copy)
        const onDisk = rebuild(await copy.docs.load(id))
        expect(onDisk.getMap('m').get('acknowledged')).toBe('yes')
        expect(JSON.stringify(onDisk.getArray('tldraw').toJSON())).toContain(res.body.id)
      })
    }
  })
}
