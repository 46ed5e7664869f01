import type { WebsocketProvider } from 'y-websocket'

type AwarenessHandler = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void

/**
 * SPEC S63: the provider sends the server only the presence changes this
 * browser makes, not the ones it was sent. A stock y-websocket provider
 * sends on every awareness change it sees, so each presence message the
 * server relays (S62: everyone who moved since the last relay, merged) came
 * straight back from every listener, and the server read it only to drop it
 * (P20). The provider's own handler is kept for local changes (a moved
 * cursor, leaving the page) and for `destroy`, which unregisters it.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const internals = provider as unknown as { _awarenessUpdateHandler?: AwarenessHandler }
  const stock = internals._awarenessUpdateHandler
  // Another y-websocket that names it differently keeps its stock behaviour (the server drops echoes anyway).
  if (typeof stock !== 'function') return
  const ownOnly: AwarenessHandler = (change, origin) => {
    if (origin !== provider) stock(change, origin)
  }
  provider.awareness.off('update', stock)
  provider.awareness.on('update', ownOnly)
  internals._awarenessUpdateHandler = ownOnly
}
