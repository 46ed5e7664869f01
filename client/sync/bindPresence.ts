import { createPresenceStateDerivation, InstancePresenceRecordType, react, type Signal, type TLInstancePresence, type TLStore, type TLUser } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { throttlePresence } from './presenceRate'

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

const presenceIdOf = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))

/**
 * Publishes this browser's tldraw presence (cursor, selection, name, colour)
 * in the provider's awareness and mirrors the others' presence into the store
 * as `instance_presence` records, which tldraw draws as live cursors. Presence
 * never enters the Y.Doc.
 */
export function bindPresence(store: TLStore, awareness: Awareness, $user: Signal<TLUser | null>): () => void {
  const ownId = presenceIdOf(awareness.clientID)
  const $presence = createPresenceStateDerivation($user, { instanceId: ownId })(store)

  const publish = () => awareness.setLocalStateField('presence', $presence.get() ?? null)
  // S61: 30 times a second while others are here, once a second alone (the reaction's first run publishes at once).
  const throttle = throttlePresence(publish, () => awareness.getStates().size <= 1)
  const stopReacting = react('publish presence', () => {
    $presence.get()
    throttle.request()
  })

  const readPresence = (clientId: number): TLInstancePresence | null => {
    const state = awareness.getStates().get(clientId) as { presence?: TLInstancePresence | null } | undefined
    const presence = state?.presence
    if (!presence || typeof presence !== 'object' || clientId === awareness.clientID) return null
    // Key the record by the awareness client, so that it can be removed when the client leaves.
    // Another client's state is untrusted (L8): one tldraw cannot draw is skipped, never thrown.
    try {
      return InstancePresenceRecordType.validate({ ...presence, id: presenceIdOf(clientId) })
    } catch {
      return null
    }
  }

  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    const toPut: TLInstancePresence[] = []
    const toRemove: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      const presence = readPresence(clientId)
      if (presence) toPut.push(presence)
      else if (clientId !== awareness.clientID) toRemove.push(presenceIdOf(clientId))
    }
    for (const clientId of removed) toRemove.push(presenceIdOf(clientId))
    store.mergeRemoteChanges(() => {
      const present = toRemove.filter((id) => store.has(id))
      if (present.length) store.remove(present)
      if (toPut.length) store.put(toPut)
    })
  }
  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopReacting()
    throttle.dispose()
    awareness.off('change', onChange)
    awareness.setLocalStateField('presence', null)
  }
}
