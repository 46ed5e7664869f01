import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readBoard, type DomainBoard } from '../../shared/boardModel'
import { allRecords, recordsOf } from '../../shared/ydocRecords'

const EMPTY: DomainBoard = { sheets: [], stickies: [], links: [] }

/**
 * The board as the verslag reads it (shared/boardModel), straight from the
 * Y.Doc, without tldraw: for the phone page and the list view. Re-read at
 * most once per animation frame when records change.
 */
export function useDocBoard(doc: Y.Doc | null): DomainBoard {
  const [board, setBoard] = useState<DomainBoard>(EMPTY)
  useEffect(() => {
    if (!doc) return
    const kv = recordsOf(doc)
    let frame = 0
    const read = () => {
      frame = 0
      setBoard(readBoard(allRecords(doc)))
    }
    read()
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    kv.on('change', onChange)
    return () => {
      kv.off('change', onChange)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [doc])
  return board
}
