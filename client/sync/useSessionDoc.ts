import { useEffect, useState } from 'react'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'

/** Close codes of a refused update (W1, L1–L5): the local copy holds a change the server will never take. */
const REFUSED_WRITE_CODES: ReadonlySet<number> = new Set([CloseCode.WriteRefused, CloseCode.LimitExceeded, CloseCode.MessageTooLarge])

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
  /** Set when the server refused a change of this browser (W1): the board was loaded afresh without it. */
  writeRefused: { code: number } | null
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
  const [state, setState] = useState<SessionDocState>({ session: null, synced: false, localLoaded: false, refused: null, writeRefused: null })
  // Bumped when the server refused a change: the doc and its local copy are dropped and loaded afresh.
  const [generation, setGeneration] = useState(0)
  const [writeRefused, setWriteRefused] = useState<{ code: number } | null>(null)

  useEffect(() => {
    const doc = new Y.Doc()
    const local = new IndexeddbPersistence(`brownpaper:${sessionId}`, doc)
    const provider = new WebsocketProvider(yjsServerUrl(), sessionId, doc, { disableBc: true, maxBackoffTime: 2500 })
    const session: SessionDoc = { doc, provider, local }
    let disposed = false
    const update = (patch: Partial<SessionDocState>) => {
      if (!disposed) setState((prev) => ({ ...prev, ...patch }))
    }
    setState({ session, synced: provider.synced, localLoaded: false, refused: null, writeRefused })

    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      // Marks for the cold-load bench's breakdown (SPEC M12).
      performance.mark('bp:synced')
      update({ synced: true })
    }
    const onClosed = (close: { code: number; reason: string }) => update({ refused: close })
    // W1: a stock client would send the refused change again after every reconnect;
    // this one forgets it (memory and IndexedDB) and loads the server's board.
    const onConnectionClose = (event: { code: number } | null) => {
      // W23: the role changed (deelnemer ↔ waarnemer): the page loads afresh with it.
      if (event?.code === CloseCode.RoleChanged && !disposed) {
        disposed = true
        provider.disconnect()
        location.reload()
        return
      }
      if (!event || !REFUSED_WRITE_CODES.has(event.code) || disposed) return
      disposed = true
      provider.disconnect()
      void local.clearData().finally(() => {
        setWriteRefused({ code: event.code })
        setGeneration((g) => g + 1)
      })
    }
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
    provider.on('connection-close', onConnectionClose)
    void local.whenSynced.then(() => update({ localLoaded: true }))

    return () => {
      disposed = true
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      provider.off('connection-close', onConnectionClose)
      provider.destroy()
      void local.destroy()
      doc.destroy()
    }
    // writeRefused is read once per generation, on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, generation])

  return state
}
