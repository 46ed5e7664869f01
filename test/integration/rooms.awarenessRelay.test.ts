/**
 * S62: a room relays presence at most 30 times a second: the changes that
 * arrive between two relays reach every connection as one awareness message
 * with each client's latest state. Raw sockets send presence as fast as they
 * can; a raw watcher counts the awareness messages it gets.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { AWARENESS_FLUSH_MS } from '../../server/core/Room'
import { rawSocket, type RawSocket } from '../helpers/rawSocket'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

/** An awareness message (type 1) with one entry. */
function presenceFrame(clientId: number, clock: number, marker: string): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify({ marker }))
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, 1)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/** The entries of the awareness messages among `frames`, one list per message. */
function awarenessMessages(frames: readonly Uint8Array[]): { clientId: number; marker: string | undefined }[][] {
  const messages: { clientId: number; marker: string | undefined }[][] = []
  for (const frame of frames) {
    const outer = decoding.createDecoder(frame)
    if (decoding.readVarUint(outer) !== 1) continue
    const inner = decoding.createDecoder(decoding.readVarUint8Array(outer))
    const entries: { clientId: number; marker: string | undefined }[] = []
    for (let n = decoding.readVarUint(inner); n > 0; n--) {
      const clientId = decoding.readVarUint(inner)
      decoding.readVarUint(inner) // clock
      const state = JSON.parse(decoding.readVarString(inner)) as { marker?: string } | null
      entries.push({ clientId, marker: state?.marker })
    }
    messages.push(entries)
  }
  return messages
}

describe('presence relay (S62)', () => {
  let server: TestServer | null = null
  const sockets: RawSocket[] = []

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.close()
    await server?.close()
    server = null
    removeTempDirs()
  })

  async function room() {
    server = await startTestServer()
    const { id } = await server.createSession()
    const open = async () => {
      const socket = rawSocket(`${server!.wsUrl}/${id}`)
      sockets.push(socket)
      await socket.opened
      return socket
    }
    return { id, open }
  }

  /** The messages `watcher` got that hold an entry of `clientId`, and the last marker it was given. */
  const seenBy = (watcher: RawSocket, clientId: number) => {
    const messages = awarenessMessages(watcher.received).filter((m) => m.some((e) => e.clientId === clientId))
    return { count: messages.length, last: messages.at(-1)?.find((e) => e.clientId === clientId)?.marker }
  }

  it('[S62] 100 presence updates sent at once reach another connection as one or two messages, with the latest state', async () => {
    const { open } = await room()
    const watcher = await open()
    const mover = await open()
    for (let clock = 1; clock <= 100; clock++) mover.ws.send(presenceFrame(4242, clock, `stand ${clock}`))
    await waitFor(() => seenBy(watcher, 4242).last === 'stand 100', 'the last state at the watcher')
    // Without merging the watcher would get 100 messages.
    expect(seenBy(watcher, 4242).count).toBeLessThanOrEqual(2)
  })

  it('[S62] changes of two connections in the same interval reach a third as one message holding both', async () => {
    const { open } = await room()
    const watcher = await open()
    const anna = await open()
    const bas = await open()
    // A first change starts an interval; what follows within it is merged.
    anna.ws.send(presenceFrame(1111, 1, 'anna 1'))
    await waitFor(() => seenBy(watcher, 1111).last === 'anna 1', 'the first change')
    anna.ws.send(presenceFrame(1111, 2, 'anna 2'))
    bas.ws.send(presenceFrame(2222, 1, 'bas 1'))
    await waitFor(() => seenBy(watcher, 1111).last === 'anna 2' && seenBy(watcher, 2222).last === 'bas 1', 'both changes')
    const last = awarenessMessages(watcher.received).at(-1)!
    expect(last.map((e) => e.clientId).sort()).toEqual([1111, 2222])
  })

  it('[S62] a cursor sending 200 updates a second for a second is relayed at most 30 times a second', async () => {
    const { open } = await room()
    const watcher = await open()
    const mover = await open()
    const started = performance.now()
    let clock = 0
    // The load: one update every 5 ms (the pacing of the sender, not a wait for a result).
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        mover.ws.send(presenceFrame(5151, ++clock, `stand ${clock}`))
        if (performance.now() - started >= 1_000) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
    })
    const seconds = (performance.now() - started) / 1000
    await waitFor(() => seenBy(watcher, 5151).last === `stand ${clock}`, 'the last state at the watcher')
    const { count } = seenBy(watcher, 5151)
    console.log(`${clock} updates sent in ${seconds.toFixed(2)} s; the watcher got ${count} messages`)
    expect(clock).toBeGreaterThan(100)
    expect(count).toBeLessThanOrEqual(Math.ceil(((seconds * 1000) / AWARENESS_FLUSH_MS) + 2))
  })
})
