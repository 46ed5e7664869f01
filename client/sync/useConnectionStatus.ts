import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { connectionStatusOf, type ConnectionStatus } from './connectionStatus'

/** verbonden / opnieuw verbinden / offline, from the provider's socket and the browser's network state. */
export function useConnectionStatus(provider: WebsocketProvider | null): ConnectionStatus {
  const compute = (): ConnectionStatus =>
    connectionStatusOf({
      browserOnline: navigator.onLine,
      socket: provider?.wsconnected ? 'connected' : provider?.wsconnecting ? 'connecting' : 'disconnected',
      synced: provider?.synced ?? false,
      failedAttempts: provider?.wsUnsuccessfulReconnects ?? 0,
    })
  const [status, setStatus] = useState<ConnectionStatus>(compute)

  useEffect(() => {
    const refresh = () => setStatus(compute())
    refresh()
    if (!provider) return
    provider.on('status', refresh)
    provider.on('sync', refresh)
    provider.on('connection-close', refresh)
    window.addEventListener('online', refresh)
    window.addEventListener('offline', refresh)
    return () => {
      provider.off('status', refresh)
      provider.off('sync', refresh)
      provider.off('connection-close', refresh)
      window.removeEventListener('online', refresh)
      window.removeEventListener('offline', refresh)
    }
    // compute reads only the provider
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider])

  return status
}
