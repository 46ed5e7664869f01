/**
 * The client each server speaks with: a stock y-websocket provider for ours
 * and the reference, Hocuspocus's own provider for Hocuspocus (its protocol
 * prefixes every message with the document name).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'

export type Protocol = 'y-websocket' | 'hocuspocus'

export interface BenchClient {
  synced: Promise<void>
  /** The client's presence (awareness), for the probe's cursors. */
  awareness: Awareness | null
  destroy(): void
}

export function connectClient(protocol: Protocol, url: string, room: string, doc: Y.Doc, params: Record<string, string>): BenchClient {
  if (protocol === 'hocuspocus') {
    // One socket per client, as with y-websocket.
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token: params.token ?? null })
    provider.attach()
    const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()))
    return {
      synced,
      awareness: provider.awareness,
      destroy: () => {
        provider.destroy()
        socket.destroy()
      },
    }
  }
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  return { synced, awareness: provider.awareness, destroy: () => provider.destroy() }
}
