/**
 * The initial sync of a room (SPEC S14): a client that has nothing gets the
 * whole document, encoded once for every such client while the document is
 * unchanged; a change makes the next one get a fresh encoding.
 */
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

describe('initial sync', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = null
    removeTempDirs()
  })

  it('[S14] fresh clients of an unchanged room share one encoding of it; after a change the next fresh client gets the change', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const room = await server.rooms.open(id)
    const empty = Y.encodeStateVector(new Y.Doc())
    const first = room.syncStep2(empty)
    expect(room.syncStep2(empty)).toBe(first)

    // Through real sockets: 5 fresh clients at once, all with the whole board.
    for (let i = 0; i < 5; i++) clients.push(connectYClient(server.wsUrl, id))
    await Promise.all(clients.map((c) => c.synced))
    const boardSize = room.doc.getArray('tldraw').length
    expect(boardSize).toBeGreaterThan(0)
    for (const c of clients) expect(c.doc.getArray('tldraw').length).toBe(boardSize)

    clients[0]!.doc.getMap('m').set('na', 'de eerste sync')
    await waitFor(() => room.doc.getMap('m').get('na') === 'de eerste sync', 'the change on the server')
    const after = room.syncStep2(empty)
    expect(after).not.toBe(first)
    const late = connectYClient(server.wsUrl, id)
    clients.push(late)
    await late.synced
    expect(late.doc.getMap('m').get('na')).toBe('de eerste sync')
    // A client that has part of the doc gets only what it lacks, never the shared encoding.
    expect(room.syncStep2(Y.encodeStateVector(late.doc))).not.toBe(after)
  })
  it('[S14] every joining client is sent one shared encoding of the sync step 1 while the doc is unchanged; a change makes a fresh one', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const room = await server.rooms.open(id)
    const step1 = room.syncStep1()
    expect(room.syncStep1()).toBe(step1)
    const a = connectYClient(server.wsUrl, id)
    clients.push(a)
    await a.synced
    a.doc.getMap('m').set('na', 'een wijziging')
    await waitFor(() => room.doc.getMap('m').get('na') === 'een wijziging', 'the change on the server')
    const fresh = room.syncStep1()
    expect(fresh).not.toBe(step1)
    // It asks for what the server lacks against the doc as it is now: a client that has the change sends nothing back.
    const decoder = decoding.createDecoder(fresh)
    expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 0]) // sync, step 1
    expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder))).toEqual(Y.decodeStateVector(Y.encodeStateVector(room.doc)))
  })
})

