import { useEffect, useRef, useState } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import type { Summon } from '../../shared/facilitation'
import { serverNow } from './serverClock'

/** A summon older than this when the board first sees it (a board opened later) is not followed. */
const FRESH_MS = 60_000

/**
 * "Iedereen hierheen" (F13): moves this board's view to the summoned sheet
 * once per summon. Returns the last summon followed, for a short notice.
 */
export function useSummon(editor: Editor | null, summon: Summon | null): Summon | null {
  const handled = useRef<string | null>(null)
  const [shown, setShown] = useState<Summon | null>(null)
  useEffect(() => {
    if (!editor || !summon || handled.current === summon.nonce) return
    handled.current = summon.nonce
    if (serverNow() - summon.at > FRESH_MS) return
    const bounds = editor.getShapePageBounds(summon.sheetId as TLShapeId)
    if (!bounds) return
    if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
    editor.zoomToBounds(bounds, { inset: 24, animation: { duration: 300 } })
    setShown(summon)
    const timer = setTimeout(() => setShown(null), 5000)
    return () => clearTimeout(timer)
  }, [editor, summon])
  return shown
}
