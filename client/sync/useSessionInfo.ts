import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { SessionInfo } from '../../shared/session'
import { readSessionInfo, Y_SESSION } from '../../shared/ydocRecords'

/** The session's metadata from its Y.Doc, live. */
export function useSessionInfo(doc: Y.Doc | null): SessionInfo | null {
  const [info, setInfo] = useState<SessionInfo | null>(() => (doc ? readSessionInfo(doc) : null))
  useEffect(() => {
    if (!doc) return
    const map = doc.getMap(Y_SESSION)
    const refresh = () => setInfo(readSessionInfo(doc))
    refresh()
    map.observe(refresh)
    return () => map.unobserve(refresh)
  }, [doc])
  return info
}
