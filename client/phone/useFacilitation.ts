import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { parseFacilitation, readFacilitation, type FacilitationState } from '../../shared/facilitation'
import { Y_FACILITATION } from '../../shared/ydocRecords'

/** The session's facilitation state (phase, timer, votes; SPEC F2) from its Y.Doc, live. */
export function useFacilitation(doc: Y.Doc | null): FacilitationState {
  const [state, setState] = useState<FacilitationState>(() => (doc ? readFacilitation(doc) : parseFacilitation({})))
  useEffect(() => {
    if (!doc) return
    const map = doc.getMap(Y_FACILITATION)
    const refresh = () => setState(readFacilitation(doc))
    refresh()
    map.observe(refresh)
    return () => map.unobserve(refresh)
  }, [doc])
  return state
}
