import { useEffect, useMemo, useState } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLAnyShapeUtilConstructor,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw'
import { PAGE_ID } from '../../shared/records'
import { recordsOf } from '../../shared/ydoc'
import { bindPresence } from './bindPresence'
import { bindStoreToDoc } from './bindStoreToDoc'
import type { SessionDocState } from './useSessionDoc'

export interface YjsStoreOptions {
  state: SessionDocState
  /** The participant as tldraw's user: one `user:` record per real person, and the presence name and colour. */
  $user: Signal<TLUser | null>
  /** Our shape utils replace the defaults of the same type. */
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
}

/**
 * A tldraw store bound to the session's Y.Doc. It stays "loading" until the
 * server's first sync (so that the seeded document and page are used, never a
 * second page) — or, offline, until IndexedDB has brought back a copy that has
 * the page.
 */
export function useYjsStore({ state, $user, shapeUtils }: YjsStoreOptions): TLStoreWithStatus {
  const { session, synced, localLoaded } = state
  const store = useMemo(() => {
    const ours = new Set(shapeUtils.map((util) => util.type))
    return createTLStore({
      shapeUtils: [...defaultShapeUtils.filter((util) => !ours.has(util.type)), ...shapeUtils],
      bindingUtils: defaultBindingUtils,
      users: { currentUser: $user },
    })
    // A new store per session doc; the utils and user signal are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session])

  const ready = synced || (localLoaded && session !== null && recordsOf(session.doc).has(PAGE_ID))
  const [bound, setBound] = useState(false)

  useEffect(() => {
    setBound(false)
    if (!session || !ready) return
    performance.mark('bp:bind-start')
    const unbindDoc = bindStoreToDoc(store, session.doc)
    performance.mark('bp:bound')
    const unbindPresence = bindPresence(store, session.provider.awareness, $user)
    setBound(true)
    return () => {
      unbindPresence()
      unbindDoc()
    }
  }, [store, session, ready, $user])

  return bound ? { status: 'synced-remote', connectionStatus: synced ? 'online' : 'offline', store } : { status: 'loading' }
}
