/**
 * S60: updates stored together go to each connection that sent none of them
 * as one merged update message; a connection that sent some of them gets
 * each of the others as it came, and never its own. The room runs on the
 * in-memory document log with connections that record what they are sent.
 */
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from '../../server/core/log'
import { Room, type RoomConnection, type RoomHooks } from '../../server/core/Room'
import { MemoryDocStore } from '../../server/core/storage/MemoryBackend'

const hooks: RoomHooks = {
  filterUpdate: () => 'accept',
  filterAwareness: ({ update }) => update,
  onStore: () => undefined,
  onChange: () => undefined,
}

/** A connection that keeps the document updates it is sent (y-websocket sync messages of type update). */
function recorder(name: string): RoomConnection & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = []
  return {
    grant: { actor: { kind: 'test', id: name }, readOnly: false },
    updates,
    send(message) {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== 0) return // awareness
      if (decoding.readVarUint(decoder) !== 2) return // not an update
      updates.push(decoding.readVarUint8Array(decoder))
    },
    close: () => undefined,
  }
}

/** An update that sets `key` in map 'm', made by a client doc of its own. */
function updateSetting(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

const keysOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return [...doc.getMap('m').keys()].sort()
}

describe('merged broadcast of a stored batch (S60)', () => {
  it('[S60] a listener gets a burst as one message; each sender gets the others\' updates, not its own', async () => {
    const room = await Room.load('room-s60', new MemoryDocStore(), { compactAfter: 500, retryMs: 1000, log: silentLogger, hooks })
    const anna = recorder('anna')
    const bram = recorder('bram')
    const listener = recorder('listener')
    for (const conn of [anna, bram, listener]) room.addConnection(conn)

    // One update first, stored alone; then three in one turn: one batch.
    Y.applyUpdate(room.doc, updateSetting('a1'), anna)
    await room.whenSaved()
    Y.applyUpdate(room.doc, updateSetting('a2'), anna)
    Y.applyUpdate(room.doc, updateSetting('b1'), bram)
    room.transact((doc) => doc.getMap('m').set('server', 'server'))
    await room.whenSaved()

    expect(listener.updates).toHaveLength(2)
    expect(keysOf(listener.updates.slice(1))).toEqual(['a2', 'b1', 'server'])
    expect(keysOf(listener.updates)).toEqual(['a1', 'a2', 'b1', 'server'])
    // Senders: each of the others as it came, never their own.
    expect(keysOf(anna.updates)).toEqual(['b1', 'server'])
    expect(anna.updates).toHaveLength(2)
    expect(keysOf(bram.updates)).toEqual(['a1', 'a2', 'server'])
    expect(bram.updates).toHaveLength(3)
    room.destroy()
  })
})
