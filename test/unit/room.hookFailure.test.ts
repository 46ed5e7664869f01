/**
 * S9: an onStore hook that throws counts as a failed save; the update is
 * still relayed and what waits for it (a sync reply, whenStored) still runs.
 * The room runs on the in-memory document log with a connection that counts
 * the document updates it is sent.
 */
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from '../../server/core/log'
import { Room, type RoomConnection, type RoomHooks } from '../../server/core/Room'
import { MemoryDocStore } from '../../server/core/storage/MemoryBackend'

const throwingHooks: RoomHooks = {
  filterUpdate: () => 'accept',
  filterAwareness: ({ update }) => update,
  onStore: () => {
    throw new Error('a feature failed')
  },
  onChange: () => undefined,
}

function counter(name: string): RoomConnection & { updates: number } {
  const conn = {
    grant: { actor: { kind: 'test', id: name }, readOnly: false },
    updates: 0,
    send(message: Uint8Array) {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2) conn.updates++
    },
    close: () => undefined,
  }
  return conn
}

describe('a throwing onStore hook (S9)', () => {
  it('[S9] an onStore hook that throws does not hold back the broadcast or a waiting sync reply', async () => {
    const room = await Room.load('room-s9-hook', new MemoryDocStore(), { compactAfter: 500, retryMs: 60_000, log: silentLogger, hooks: throwingHooks })
    const writer = counter('writer')
    const listener = counter('listener')
    room.addConnection(writer)
    room.addConnection(listener)
    const other = new Y.Doc()
    other.getMap('m').set('k', 1)
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(other), writer)
    let replied = false
    room.whenStored(() => (replied = true))
    await room.whenSaved()
    expect(listener.updates).toBe(1)
    expect(replied).toBe(true)
    // And the next update too.
    other.getMap('m').set('k', 2)
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(other), writer)
    await room.whenSaved()
    expect(listener.updates).toBe(2)
    room.destroy()
  })
})
