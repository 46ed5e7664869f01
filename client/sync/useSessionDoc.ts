import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export interface SessionDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The browser's own copy, so that offline edits survive a reload and merge on reconnect. */
  local: IndexeddbPersistence
}

export interface SessionDocState {
  session: SessionDoc | null
  /** The provider has completed its first sync with the server. */
  synced: boolean
  /** IndexedDB has loaded the browser's own copy. */
  localLoaded: boolean
  /** Set when the server closed the socket for good (4xxx close code). */
  refused: { code: number; reason: string } | null
}

/** The y-websocket endpoint on this host: ws(s)://<host>/yjs, room = session id. */
export function yjsServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
}

/**
 * One session's Y.Doc, connected to the server (y-websocket) and to IndexedDB
 * (y-indexeddb). Created on mount, destroyed on unmount or a new session id.
 */
export function useSessionDoc(sessionId: string): SessionDocState {
  const [state, setState] = useState<SessionDocState>({ session: null, synced: false, localLoaded: false, refused: null })

  useEffect(() => {
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`brownpaper:${sessionId}`, doc)
    const provider = new WebsocketProvider(yjsServerUrl(), sessionId, doc, { disableBc: true, maxBackoffTime: 2500 })
    const session: SessionDoc = { doc, provider, local }
    let disposed = false
    const update = (patch: Partial<SessionDocState>) => {
      if (!disposed) setState((prev) => ({ ...prev, ...patch }))
    }
    setState({ session, synced: provider.synced, localLoaded: false, refused: null })

    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      // Marks for the cold-load bench's breakdown (SPEC M12).
      performance.mark('bp:synced')
      update({ synced: true })
    }
    const onClosed = (close: { code: number; reason: string }) => update({ refused: close })
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
    void local.whenSynced.then(() => update({ localLoaded: true }))

    return () => {
      disposed = true
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [sessionId])

  return state
}
