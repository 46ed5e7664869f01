/**
 * A stock y-websocket client in Node (the same provider the browser uses),
 * with `ws` as WebSocket. BroadcastChannel is disabled so that clients in one
 * test process can only meet through the server.
 */
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { TEST_ADMIN_TOKEN } from './adminToken'
import { withTimeout } from './waitFor'

export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves after the first sync with the server. */
  synced: Promise<void>
  /** Resolves with the close code once the server closes the socket for good (4400–4499). */
  closed: Promise<number>
  /** Resolves with the first application close code (4000–4999) the server sends, also one after which the client reconnects (4500–4599). */
  serverClosed: Promise<number>
  destroy(): void
}

export function connectYClient(
  wsUrl: string,
  sessionId: string,
  opts: { params?: Record<string, string>; doc?: Y.Doc } = {},
): YClient {
  const doc = opts.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // The test server's admin token unless the test passes its own params (P3).
    params: opts.params ?? { token: TEST_ADMIN_TOKEN },
    disableBc: true,
    maxBackoffTime: 200,
  })
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve())
  })
  const closed = new Promise<number>((resolve) => {
    provider.on('closed', (event: { code: number }) => resolve(event.code))
  })
  const serverClosed = new Promise<number>((resolve) => {
    const onClose = (event: { code: number } | null) => {
      if (event && event.code >= 4000 && event.code < 5000) {
        provider.off('connection-close', onClose)
        resolve(event.code)
      }
    }
    provider.on('connection-close', onClose)
  })
  return {
    doc,
    provider,
    serverClosed,
    get synced() {
      return withTimeout(synced, `first sync of ${sessionId}`)
    },
    closed,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
