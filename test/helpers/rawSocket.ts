/** A bare `ws` socket for protocol-level tests: send raw frames, await the close code. */
import { WebSocket } from 'ws'

export interface RawSocket {
  ws: WebSocket
  opened: Promise<void>
  /** Close code and reason sent by the server. */
  closed: Promise<{ code: number; reason: string }>
  /** Every binary frame received so far. */
  received: Uint8Array[]
}

export function rawSocket(url: string): RawSocket {
  const ws = new WebSocket(url)
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return { ws, opened, closed, received }
}
