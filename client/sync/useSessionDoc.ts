import { useEffect, useState } from 'react'
import { SessionLink, takeEarly, type SessionDoc } from './sessionLink'

export { yjsServerUrl, type SessionDoc } from './sessionLink'

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

/**
 * One session's Y.Doc, connected to the server (y-websocket) and to IndexedDB
 * (y-indexeddb): the link opened ahead for this session when there is one
 * (SPEC M19, `openEarly`), else a new one. Destroyed on unmount or a new
 * session id.
 */
export function useSessionDoc(sessionId: string): SessionDocState {
  const [state, setState] = useState<SessionDocState>({ session: null, synced: false, localLoaded: false, refused: null, writeRefused: null })
  // Bumped when the server refused a change: the doc and its local copy are dropped and loaded afresh.
  const [generation, setGeneration] = useState(0)
  const [writeRefused, setWriteRefused] = useState<{ code: number } | null>(null)

  useEffect(() => {
    const link = (generation === 0 ? takeEarly(sessionId) : null) ?? new SessionLink(sessionId)
    let disposed = false
    const read = () => {
      if (disposed) return
      const { synced, localLoaded, refused, dropped } = link.state
      if (dropped) {
        disposed = true
        setWriteRefused(dropped)
        setGeneration((g) => g + 1)
        return
      }
      setState({ session: link.session, synced, localLoaded, refused, writeRefused })
    }
    const stop = link.subscribe(read)
    read()
    return () => {
      disposed = true
      stop()
      link.destroy()
    }
    // writeRefused is read once per generation, on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, generation])

  return state
}
