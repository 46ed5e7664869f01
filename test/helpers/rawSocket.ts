/** A bare `ws` socket for protocol-level tests: send raw frames, await the close code. */
import { WebSocket } from 'ws'
import { TEST_ADMIN_TOKEN } from './adminToken'

export interface RawSocket {
  ws: WebSocket
  opened: Promise<void>
  /** Close code and reason sent by the server. */
  closed: Promise<{ code: number; reason: string }>
  /** Every binary frame received so far. */
  received: Uint8Array[]
}

/** Adds the test server's admin token (P3) unless the url has a `token` or `opts.token` is null. */
export function rawSocket(url: string, opts: { token?: string | null; headers?: Record<string, string> } = {}): RawSocket {
  const target = new URL(url)
  const token = opts.token === undefined ? TEST_ADMIN_TOKEN : opts.token
  if (token !== null && !target.searchParams.has('token')) target.searchParams.set('token', token)
  const ws = new WebSocket(target, opts.headers ? { headers: opts.headers } : {})
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
