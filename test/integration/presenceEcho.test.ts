/**
 * S63: a board's provider sends the server only its own presence changes.
 * A stock y-websocket provider sends every presence it is sent straight back
 * (the control here); the board's, after `sendOwnPresenceOnly`, does not,
 * and still sends its own. Sockets that record what they send.
 */
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

/** A `ws` socket class whose instances record the client ids of every awareness message they send. */
function recordingSocket() {
  const sent: number[][] = []
  class Recording extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      const bytes = new Uint8Array(data as ArrayBuffer)
      const outer = decoding.createDecoder(bytes)
      if (decoding.readVarUint(outer) === 1) {
        const inner = decoding.createDecoder(decoding.readVarUint8Array(outer))
        const ids: number[] = []
        for (let n = decoding.readVarUint(inner); n > 0; n--) {
          ids.push(decoding.readVarUint(inner))
          decoding.readVarUint(inner)
          decoding.readVarUint8Array(inner)
        }
        sent.push(ids)
      }
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
  return { socket: Recording as unknown as typeof globalThis.WebSocket, sent }
}

describe('own presence only (S63)', () => {
  let server: TestServer | null = null
  const clients: YClient[] = []

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = null
    removeTempDirs()
  })

  it('[S63] the board\'s provider does not send back the presence it is sent, a stock one does; both send their own', async () => {
    server = await startTestServer()
    const { id } = await server.createSession()
    const mover = connectYClient(server.wsUrl, id)
    const boardRecorder = recordingSocket()
    const board = connectYClient(server.wsUrl, id, { socket: boardRecorder.socket })
    sendOwnPresenceOnly(board.provider)
    const stockRecorder = recordingSocket()
    const stock = connectYClient(server.wsUrl, id, { socket: stockRecorder.socket })
    clients.push(mover, board, stock)
    await Promise.all(clients.map((c) => c.synced))

    const moverId = mover.doc.clientID
    mover.provider.awareness.setLocalStateField('marker', 'bewogen')
    const seen = (c: YClient) => (c.provider.awareness.getStates().get(moverId) as { marker?: string } | undefined)?.marker === 'bewogen'
    await waitFor(() => seen(board) && seen(stock), 'the mover\'s presence at both')
    // The control: a stock provider echoes it.
    await waitFor(() => stockRecorder.sent.some((ids) => ids.includes(moverId)), 'the stock provider\'s echo')
    expect(boardRecorder.sent.some((ids) => ids.includes(moverId))).toBe(false)

    // Its own change still goes out, and reaches the others.
    board.provider.awareness.setLocalStateField('marker', 'eigen')
    await waitFor(() => (mover.provider.awareness.getStates().get(board.doc.clientID) as { marker?: string } | undefined)?.marker === 'eigen', 'the board\'s own presence at the mover')
    expect(boardRecorder.sent.some((ids) => ids.includes(board.doc.clientID))).toBe(true)
    expect(boardRecorder.sent.some((ids) => ids.includes(moverId))).toBe(false)
  })
})
