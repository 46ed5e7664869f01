/**
 * Helpers for inspecting a decoded Yjs update (`Y.decodeUpdate`) against a
 * doc before it is applied: the checks that refuse updates at the edge
 * (server/integrity/recordChanges.ts, server/sessions/malformedRecordEntries.ts).
 */
import * as Y from 'yjs'

export type Struct = Y.Item | Y.GC | Y.Skip
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** The struct of `structs` (sorted by clock) that holds `clock`. */
export function structAt<T extends Struct>(structs: readonly T[] | undefined, clock: number): T | null {
  if (!structs) return null
  let lo = 0
  let hi = structs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = structs[mid]!
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return null
}

/** The update's structs per client, sorted by clock (for `structAt`). */
export function structsByClient(decoded: DecodedUpdate): Map<number, Struct[]> {
  const local = new Map<number, Struct[]>()
  for (const s of decoded.structs) {
    const list = local.get(s.id.client) ?? []
    list.push(s)
    local.set(s.id.client, list)
  }
  for (const list of local.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  return local
}
