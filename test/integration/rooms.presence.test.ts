/**
 * Who owns a presence (SPEC P20), at the room: raw sockets send awareness
 * entries for client ids of their choosing, and the test reads what the
 * server's room applied (in-process) and what a stock client was relayed.
 * "Dropped" is shown by a later entry of the same frame or socket that did
 * arrive, never by waiting.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

interface Entry {
  clientId: number
  clock: number
  state: { marker: string } | null
}

/** An awareness message (type 1) with these entries, written by hand: the client id is the sender's choice. */
function awarenessFrame(entries: Entry[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId)
    encoding.writeVarUint(inner, e.clock)
    encoding.writeVarString(inner, JSON.stringify(e.state))
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, 1)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

const entry = (clientId: number, clock: number, marker: string | null): Entry => ({ clientId, clock, state: marker === null ? null : { marker } })

describe('presence ownership at the room (P20)', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []
  const sockets: RawSocket[] = []

  afterEach(async () => {
    vi.useRealTimers()
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.close()
    await server?.close()
    server = null
    removeTempDirs()
  })

  async function start() {
    server = await startTestServer()
    const { id } = await server.createSession()
    const open = async () => {
      const socket = rawSocket(`${server!.wsUrl}/${id}`)
      sockets.push(socket)
      await socket.opened
      return socket
    }
    const watcher = connectYClient(server.wsUrl, id)
    clients.push(watcher)
    await watcher.synced
    const room = server.rooms.get(id)!
    /** The marker of `clientId` in the server's awareness. */
    const atServer = (clientId: number) => (room.awareness.getStates().get(clientId) as { marker?: string } | undefined)?.marker
    /** The marker of `clientId` as the stock client was relayed it. */
    const atWatcher = (clientId: number) => (watcher.provider.awareness.getStates().get(clientId) as { marker?: string } | undefined)?.marker
    return { id, room, open, watcher, atServer, atWatcher }
  }

  it('[P20] entries about another connection’s client id or the server’s own id are dropped; the sender’s own are applied and renewed, and its socket stays open', async () => {
    const { room, open, watcher, atServer, atWatcher } = await start()
    const owner = await open()
    const spoofer = await open()
    owner.ws.send(awarenessFrame([entry(1001, 1, 'Eigenaar')]))
    await waitFor(() => atWatcher(1001) === 'Eigenaar', 'the owner’s presence relayed')
    spoofer.ws.send(awarenessFrame([entry(2002, 1, 'Spoofer')]))
    await waitFor(() => atWatcher(2002) === 'Spoofer', 'the spoofer’s own presence relayed')

    // One frame: rename the owner's id, claim the server's id, renew its own (with others connected).
    spoofer.ws.send(awarenessFrame([entry(1001, 5, 'Gespoofd'), entry(room.awareness.clientID, 10, 'Server'), entry(2002, 2, 'Spoofer 2')]))
    await waitFor(() => atWatcher(2002) === 'Spoofer 2', 'the spoofer’s renewal relayed')
    // Then remove the owner's id, in a frame with its own next renewal.
    spoofer.ws.send(awarenessFrame([entry(1001, 6, null), entry(2002, 3, 'Spoofer 3')]))
    await waitFor(() => atServer(2002) === 'Spoofer 3' && atWatcher(2002) === 'Spoofer 3', 'the spoofer’s second renewal')

    expect(atServer(1001)).toBe('Eigenaar')
    expect(atWatcher(1001)).toBe('Eigenaar')
    expect(room.awareness.getLocalState()).toBeNull()
    expect(room.awareness.getStates().has(room.awareness.clientID)).toBe(false)
    expect(watcher.provider.awareness.getStates().has(room.awareness.clientID)).toBe(false)
    expect(spoofer.ws.readyState).toBe(spoofer.ws.OPEN)

    // The owner renews its own while the spoofer is connected.
    owner.ws.send(awarenessFrame([entry(1001, 7, 'Eigenaar 2')]))
    await waitFor(() => atServer(1001) === 'Eigenaar 2' && atWatcher(1001) === 'Eigenaar 2', 'the owner’s renewal')
  })

  it('[P20] a connection’s presence leaves with it: the server drops it and the others are told', async () => {
    const { room, open, watcher, atServer, atWatcher } = await start()
    const leaving = await open()
    const staying = await open()
    leaving.ws.send(awarenessFrame([entry(3003, 1, 'Vertrekt'), entry(3004, 1, 'Tweede tabblad')]))
    staying.ws.send(awarenessFrame([entry(4004, 1, 'Blijft')]))
    await waitFor(() => atWatcher(3003) === 'Vertrekt' && atWatcher(3004) === 'Tweede tabblad' && atWatcher(4004) === 'Blijft', 'three presences relayed')
    leaving.ws.close()
    await waitFor(() => !watcher.provider.awareness.getStates().has(3003) && !watcher.provider.awareness.getStates().has(3004), 'both of its presences removed at the watcher')
    expect(atServer(3003)).toBeUndefined()
    expect(room.awareness.getStates().has(3004)).toBe(false)
    expect(atServer(4004)).toBe('Blijft')
    expect(atWatcher(4004)).toBe('Blijft')
  })

  it('[P20] a presence its socket left silent for over 30 s is taken over by a reconnecting client; the silent socket closing later leaves it alone', async () => {
    const { room, open, atServer } = await start()
    const silent = await open()
    const reconnected = await open()
    silent.ws.send(awarenessFrame([entry(5005, 1, 'Oud'), entry(5006, 1, 'Ander tabblad')]))
    await waitFor(() => atServer(5005) === 'Oud', 'the first presence')
    // Renewed just now by the other socket: the claim is dropped, the sender's own entry passes.
    reconnected.ws.send(awarenessFrame([entry(5005, 2, 'Nieuw'), entry(6006, 1, 'Vers')]))
    await waitFor(() => atServer(6006) === 'Vers', 'the reconnected client’s own presence')
    expect(atServer(5005)).toBe('Oud')

    // 31 s later on the server's clock (awareness's own timeouts keep the real clock).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31_000, shouldAdvanceTime: true })
    reconnected.ws.send(awarenessFrame([entry(5005, 3, 'Nieuw'), entry(6006, 2, 'Vers 2')]))
    await waitFor(() => atServer(6006) === 'Vers 2', 'the reconnected client’s renewal')
    expect(atServer(5005)).toBe('Nieuw')
    // It is the reconnected client's now: the silent socket's claim is dropped, its other entry passes.
    silent.ws.send(awarenessFrame([entry(5005, 4, 'Terug'), entry(5006, 2, 'Ander tabblad 2')]))
    await waitFor(() => atServer(5006) === 'Ander tabblad 2', 'the silent socket’s own renewal')
    expect(atServer(5005)).toBe('Nieuw')

    // The silent socket is reaped: only what it still owns goes with it.
    const before = room.connectionCount
    silent.ws.close()
    await waitFor(() => room.connectionCount === before - 1, 'the silent socket removed from the room')
    expect(room.awareness.getStates().has(5006)).toBe(false)
    expect(atServer(5005)).toBe('Nieuw')
    expect(atServer(6006)).toBe('Vers 2')
  })
})
