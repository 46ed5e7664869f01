import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { Language } from '../../shared/dates'
import type { Verslag } from '../../shared/verslag/schema'
import { fetchVerslag } from './verslagApi'

export type LiveVerslag = { status: 'loading' } | { status: 'error'; error: unknown; last: Verslag | null } | { status: 'ready'; verslag: Verslag; updating: boolean }

const DEBOUNCE_MS = 700

/**
 * The server's verslag model, fetched again (debounced) whenever the session
 * document changes, so the preview follows the board. The server builds it
 * from the same document, so preview and downloads agree.
 */
export function useLiveVerslag(sessionId: string, doc: Y.Doc, language: Language): { state: LiveVerslag; refresh(): void } {
  const [state, setState] = useState<LiveVerslag>({ status: 'loading' })
  const last = useRef<Verslag | null>(null)
  const controller = useRef<AbortController | null>(null)

  const refresh = useCallback(() => {
    controller.current?.abort()
    const abort = new AbortController()
    controller.current = abort
    if (last.current) setState({ status: 'ready', verslag: last.current, updating: true })
    fetchVerslag(sessionId, language, abort.signal).then(
      (verslag) => {
        if (abort.signal.aborted) return
        last.current = verslag
        setState({ status: 'ready', verslag, updating: false })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        setState({ status: 'error', error, last: last.current })
      },
    )
  }, [sessionId, language])

  useEffect(() => {
    refresh()
    let timer: ReturnType<typeof setTimeout> | undefined
    const onUpdate = () => {
      clearTimeout(timer)
      timer = setTimeout(refresh, DEBOUNCE_MS)
    }
    doc.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
      controller.current?.abort()
    }
  }, [doc, refresh])

  return { state, refresh }
}
