/**
 * How many board records (tldraw records, keyed in the "tldraw" YKeyValue) a
 * decoded update would delete from the room's doc, counted before it is
 * applied (H3). A YKeyValue edit deletes the old entry and inserts a new one
 * under the same key: that is a change, not a deletion, so keys the update
 * inserts again are not counted.
 */
import * as Y from 'yjs'
import { recordsOf, Y_RECORDS } from '../../shared/ydoc'
import type { DecodedUpdate } from '../core/decodedUpdate'

interface Entry {
  key: string
  val: unknown
}

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string'

export function deletedRecordCount(doc: Y.Doc, decoded: DecodedUpdate): number {
  if (decoded.ds.clients.size === 0) return 0
  const array = doc.share.get(Y_RECORDS)
  if (!array) return 0
  const live = recordsOf(doc).map
  const deleted = new Set<string>()
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    for (const { clock, len } of ranges) {
      const end = clock + len
      const last = structs[structs.length - 1]
      if (!last || clock >= last.id.clock + last.length) continue
      for (let i = Y.findIndexSS(structs, Math.max(clock, structs[0]!.id.clock)); i < structs.length; i++) {
        const item = structs[i]!
        if (item.id.clock >= end) break
        if (!(item instanceof Y.Item) || item.deleted || item.parent !== array || !(item.content instanceof Y.ContentAny)) continue
        const values = item.content.getContent()
        values.forEach((value, offset) => {
          const at = item.id.clock + offset
          if (at < clock || at >= end || !isEntry(value)) return
          if (live.get(value.key) === value) deleted.add(value.key)
        })
      }
    }
  }
  if (deleted.size === 0) return 0
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue
    for (const value of struct.content.getContent()) if (isEntry(value)) deleted.delete(value.key)
  }
  return deleted.size
}
