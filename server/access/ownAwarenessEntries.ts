/**
 * P20: a connection speaks only for its own presence. y-websocket clients
 * echo every awareness change they see (also other clients' states and
 * removals by timeout), so entries about a client id that another
 * connection introduced — or the server's own — are dropped rather than
 * applied; the connection stays open. Throws on a malformed update.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

interface Entry {
  clientId: number
  clock: number
  state: string
}

export function ownAwarenessEntries(
  update: Uint8Array,
  isForeign: (clientId: number) => boolean,
  /** L8: whether a state (JSON) may be relayed; a refused one is dropped like a foreign one. */
  acceptable: (state: string) => boolean = () => true,
  /** W22: the state as it is applied and relayed (the server's name stamped on it). */
  rewrite: (state: string) => string = (state) => state,
): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const kept: Entry[] = []
  let changed = false
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    if (isForeign(clientId)) {
      // Dropped unread: a stock y-websocket client echoes every presence it is sent (S62's merged ones too).
      decoding.readVarUint8Array(decoder)
      continue
    }
    const entry = { clientId, clock, state: decoding.readVarString(decoder) }
    JSON.parse(entry.state) // malformed JSON closes the connection like any malformed frame
    if (!acceptable(entry.state)) continue
    const state = rewrite(entry.state)
    kept.push({ ...entry, state })
    if (state !== entry.state) changed = true
  }
  if (kept.length === count && !changed) return update
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kept.length)
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.state)
  }
  return encoding.toUint8Array(encoder)
}
