/**
 * The extension interface of the core (SPEC X1–X8), with real servers, real
 * websockets and stock y-websocket clients: extensions made up by the test
 * next to the real features.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import type { Extension } from '../../server/core/Extension'
import { silentLogger } from '../../server/core/log'
import { actorOfOrigin } from '../../server/core/origins'
import { startCore, type RunningCore } from '../../server/core/startCore'
import { MemoryBackend } from '../../server/core/storage/MemoryBackend'
import { captureLog } from '../helpers/captureLog'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor, withTimeout } from '../helpers/waitFor'

/** Whether a decoded update writes into the root map `name`. */
const writesRoot = (decoded: { structs: unknown[] }, name: string) =>
  decoded.structs.some((s) => s instanceof Y.Item && (s.parent as unknown) === name) // a root type's parent is its name until integrated

describe('core extensions', () => {
  let server: TestServer | null = null
  let core: RunningCore | null = null
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    await core?.close()
    server = null
    core = null
    removeTempDirs()
  })

  const connect = (id: string) => {
    const client = connectYClient(server!.wsUrl, id)
    clients.push(client)
    return client
  }

  it('[X1] [X2] runs every extension\'s room hooks in order; one that throws is logged and the others and the room carry on', async () => {
    const calls: string[] = []
    const { log, lines } = captureLog()
    const first: Extension = {
      name: 'first',
      onLoad: () => {
        calls.push('first.onLoad')
        throw new Error('broken extension')
      },
      onChange: () => {
        calls.push('first.onChange')
        throw new Error('broken extension')
      },
    }
    const second: Extension = {
      name: 'second',
      onLoad: () => calls.push('second.onLoad'),
      onChange: () => calls.push('second.onChange'),
    }
    server = await startTestServer({ extensions: [first, second], log })
    const { id } = await server.createSession()
    const a = connect(id)
    const b = connect(id)
    await Promise.all([a.synced, b.synced])
    a.doc.getMap('m').set('k', 'v')
    await waitFor(() => b.doc.getMap('m').get('k') === 'v', 'a → b despite the throwing hooks')
    await waitFor(() => calls.filter((c) => c.endsWith('onChange')).length >= 4, 'both onChange hooks twice')
    expect(calls.slice(0, 2)).toEqual(['first.onLoad', 'second.onLoad'])
    expect(calls.slice(2, 4)).toEqual(['first.onChange', 'second.onChange'])
    expect(lines.some((l) => l.msg === 'extension hook failed' && (l as { extension?: string }).extension === 'first')).toBe(true)
  })

  it('[X3] the first extension that answers decides a websocket; nobody granting is Unauthorized', async () => {
    const grant = { name: 'grant', authenticateConnection: async () => ({ actor: { kind: 'test', id: 't' }, readOnly: false }) }
    const refuse = { name: 'refuse', authenticateConnection: async () => ({ code: CloseCode.Forbidden, reason: 'Forbidden' }) }
    const pass = { name: 'pass', authenticateConnection: async () => undefined }
    const url = (c: RunningCore) => `ws://localhost:${c.port}/yjs/AAAAAAAAAAAA`

    core = await startCore({ port: 0, backend: new MemoryBackend(), extensions: [pass], log: silentLogger })
    expect((await withTimeout(rawSocket(url(core), { token: null }).closed, 'close')).code).toBe(CloseCode.Unauthorized)
    await core.close()

    core = await startCore({ port: 0, backend: new MemoryBackend(), extensions: [pass, refuse, grant], log: silentLogger })
    expect((await withTimeout(rawSocket(url(core), { token: null }).closed, 'close')).code).toBe(CloseCode.Forbidden)
    await core.close()

    core = await startCore({ port: 0, backend: new MemoryBackend(), extensions: [pass, grant, refuse], log: silentLogger })
    const socket = rawSocket(url(core), { token: null })
    await withTimeout(socket.opened, 'open')
    await waitFor(() => socket.received.length > 0, 'sync step 1 from the room')
    expect(socket.received[0]?.[0]).toBe(0) // a sync message: the connection joined the room
    socket.ws.close()
  })

  it('[S58] an empty update (every fresh client\'s sync step 2) reaches no filter and is not applied; a real update is filtered once', async () => {
    const filtered: number[] = []
    const counter: Extension = { name: 'counter', filterUpdate: ({ update }) => (filtered.push(update.byteLength), 'accept') }
    server = await startTestServer({ extensions: [counter] })
    const { id } = await server.createSession()
    const fresh = Array.from({ length: 5 }, () => connect(id))
    await Promise.all(fresh.map((c) => c.synced))
    const room = server.rooms.get(id)!
    // Frames of one socket are handled in order: presence set after the sync arrives after the client's sync step 2.
    fresh.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: `Deelnemer ${i}` }))
    await waitFor(() => fresh.every((c) => (room.awareness.getStates().get(c.doc.clientID) as { user?: unknown } | undefined)?.user !== undefined), 'every presence on the server')
    expect(filtered).toEqual([])
    const updatesBefore = room.updateCount

    fresh[0]!.doc.getMap('m').set('k', 'echt')
    await waitFor(() => fresh.every((c) => c.doc.getMap('m').get('k') === 'echt'), 'the update at every client')
    expect(filtered).toHaveLength(1)
    expect(filtered[0]).toBeGreaterThan(2)
    expect(room.updateCount).toBe(updatesBefore + 1)
  })

  it('[X4] filterUpdate: refuse drops the update and keeps the socket; a close verdict drops it and closes with its code', async () => {
    const rule: Extension = {
      name: 'rule',
      filterUpdate: ({ decoded }) => {
        if (writesRoot(decoded, 'forbidden')) return 'refuse'
        if (writesRoot(decoded, 'fatal')) return { close: CloseCode.Forbidden, reason: 'Forbidden' }
        return 'accept'
      },
    }
    server = await startTestServer({ extensions: [rule] })
    const { id } = await server.createSession()
    const a = connect(id)
    const b = connect(id)
    await Promise.all([a.synced, b.synced])
    const storedBefore = (await server.storage.docs.load(id)).lastSeq

    a.doc.getMap('forbidden').set('k', 'refused')
    // Frames of one socket are handled in order: a's later presence at b means its update was handled.
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Anna', 'a\'s later presence at b')
    expect(b.doc.getMap('forbidden').has('k')).toBe(false)
    expect(server.rooms.get(id)?.doc.getMap('forbidden').has('k')).toBe(false)
    expect(a.provider.wsconnected).toBe(true)

    const c = connect(id)
    await c.synced
    c.doc.getMap('fatal').set('k', 'closes')
    expect(await withTimeout(c.closed, 'c closed')).toBe(CloseCode.Forbidden)
    expect(server.rooms.get(id)?.doc.getMap('fatal').has('k')).toBe(false)
    const stored = new Y.Doc()
    const log = await server.storage.docs.load(id)
    for (const u of log.snapshot ? [log.snapshot, ...log.updates] : log.updates) Y.applyUpdate(stored, u)
    expect(stored.getMap('forbidden').has('k')).toBe(false)
    expect(stored.getMap('fatal').has('k')).toBe(false)
    expect(log.lastSeq).toBe(storedBefore) // neither refused update was stored
  })

  it('[X5] filterAwareness rewrites a connection\'s presence before it is applied', async () => {
    const stamp = new awarenessProtocol.Awareness(new Y.Doc())
    stamp.setLocalState({ user: { name: 'Door de extensie' } })
    const rewrite: Extension = {
      name: 'rewrite',
      filterAwareness: () => awarenessProtocol.encodeAwarenessUpdate(stamp, [stamp.clientID]),
    }
    server = await startTestServer({ extensions: [rewrite] })
    const { id } = await server.createSession()
    const a = connect(id)
    const b = connect(id)
    await Promise.all([a.synced, b.synced])
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await waitFor(() => b.provider.awareness.getStates().has(stamp.clientID), 'the rewritten state at b')
    expect(b.provider.awareness.getStates().get(stamp.clientID)).toEqual({ user: { name: 'Door de extensie' } })
    expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it('[X6] onStore sees each stored update with its position in the log; origins carry the actor', async () => {
    const stored: number[] = []
    const actors: (string | null)[] = []
    const observer: Extension = {
      name: 'observer',
      onLoad: (room) => room.doc.on('afterTransaction', (tr: Y.Transaction) => actors.push(actorOfOrigin(tr.origin)?.kind ?? null)),
      onStore: ({ seq, update }) => {
        expect(update.byteLength).toBeGreaterThan(0)
        stored.push(seq)
      },
    }
    server = await startTestServer({ extensions: [observer] })
    const { id } = await server.createSession()
    const a = connect(id)
    await a.synced
    a.doc.getMap('m').set('k', 'v')
    await waitFor(async () => (await server!.storage.docs.load(id)).lastSeq === stored[stored.length - 1], 'the last stored seq in the log')
    const res = await server.api('POST', `/api/sessions/${id}/stickies`, { text: 'Via de API', tag: 'opmerking' })
    expect(res.status).toBe(201)
    expect(stored).toEqual([...stored].sort((x, y) => x - y))
    // The client's update (its connection) and the API sticky (ActorOrigin) both carry the admin actor.
    expect(actors.filter((kind) => kind === 'admin').length).toBeGreaterThanOrEqual(2)
  })

  it('[X8] closeGrants closes the sockets whose grant the predicate picks, in every room', async () => {
    server = await startTestServer()
    const [s1, s2] = [await server.createSession(), await server.createSession()]
    const a = connect(s1.id)
    const b = connect(s2.id)
    await Promise.all([a.synced, b.synced])
    expect(server.rooms.closeGrants((grant) => grant.actor.kind === 'nobody', CloseCode.Unauthorized, 'Unauthorized')).toBe(0)
    expect(server.rooms.closeGrants((grant) => grant.actor.kind === 'admin', CloseCode.Unauthorized, 'Unauthorized')).toBe(2)
    expect(await withTimeout(a.closed, 'a closed')).toBe(CloseCode.Unauthorized)
    expect(await withTimeout(b.closed, 'b closed')).toBe(CloseCode.Unauthorized)
  })
})

describe('fan-out seam', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = null
    removeTempDirs()
  })

  it('[X15] an update stored by another instance is applied and relayed to the room\'s connections at once, not stored again and not passed to onStore', async () => {
    const stored: number[] = []
    server = await startTestServer({ extensions: [{ name: 'bus', onStore: ({ seq }) => void stored.push(seq) }] })
    const { id } = await server.createSession()
    const a = connectYClient(server.wsUrl, id)
    clients.push(a)
    await a.synced
    const room = server.rooms.get(id)!
    const lastSeq = (await server.storage.docs.load(id)).lastSeq
    const storedBefore = stored.length

    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(room.doc))
    const updates: Uint8Array[] = []
    elsewhere.on('update', (u: Uint8Array) => updates.push(u))
    elsewhere.getMap('m').set('van', 'instantie 2')
    expect(updates).toHaveLength(1)
    const bytesBefore = room.storedBytes
    for (const u of updates) room.applyRemote(u)
    // L2: it counts toward the room's size estimate like an update stored here.
    expect(room.storedBytes).toBe(bytesBefore + updates[0]!.byteLength)

    await waitFor(() => a.doc.getMap('m').get('van') === 'instantie 2', 'the remote update at the client')
    await room.whenSaved()
    expect((await server.storage.docs.load(id)).lastSeq).toBe(lastSeq)
    expect(stored.length).toBe(storedBefore)
  })
})
