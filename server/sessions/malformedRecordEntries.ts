/**
 * P15 inside the document: the board's records are a YKeyValue on the root
 * array "tldraw" (shared/ydoc.ts), whose every entry must be `{key, val}`
 * with `val` a tldraw record (an object with `id` = key and a `typeName`).
 * One malformed entry (`null`, a number, `{key}` without val, a record whose
 * props are not an object) breaks every reader of the board — the verslag,
 * the register across sessions, API stickies, the browsers' stores — and it
 * would be stored for good. So an update that inserts such an entry is
 * refused at the edge, before it is applied.
 */
import * as Y from 'yjs'
import { structAt, structsByClient, type DecodedUpdate, type Struct } from '../core/decodedUpdate'
import { Y_RECORDS } from '../../shared/ydoc'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Whether one entry of the records array is `{key, val}` holding a record. */
export function isRecordEntry(entry: unknown): boolean {
  if (!isObject(entry) || typeof entry.key !== 'string' || !isObject(entry.val)) return false
  const val = entry.val
  if (val.id !== entry.key || typeof val.typeName !== 'string') return false
  if ('props' in val && !isObject(val.props)) return false
  if ('meta' in val && !isObject(val.meta)) return false
  return true
}

/**
 * Whether the decoded update inserts anything into the records array that is
 * not a record entry. Only structs the doc lacks count. An item's parent is
 * resolved as Yjs does on integration: stated in the update, else the parent
 * of its left neighbour (origin), else of its right one.
 */
export function insertsMalformedRecordEntry(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const records = doc.getArray(Y_RECORDS)
  const local = structsByClient(decoded)

  const memo = new Map<Struct, boolean>()
  /** Whether the item's parent is the records array itself. */
  const inRecords = (s: Y.Item, depth: number): boolean => {
    const known = memo.get(s)
    if (known !== undefined) return known
    let result: boolean
    if (typeof s.parent === 'string') result = s.parent === Y_RECORDS
    else if (s.parent !== null) result = s.parent === records
    else {
      const ref = s.origin ?? s.rightOrigin
      if (!ref || depth > 10_000) result = false
      else {
        const inDoc = structAt(doc.store.clients.get(ref.client) as (Y.Item | Y.GC)[] | undefined, ref.clock)
        if (inDoc) result = inDoc instanceof Y.Item && inDoc.parent === records
        else {
          const inUpdate = structAt(local.get(ref.client), ref.clock)
          result = inUpdate instanceof Y.Item ? inRecords(inUpdate, depth + 1) : false
        }
      }
    }
    memo.set(s, result)
    return result
  }

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue
    if (s.content instanceof Y.ContentDeleted || !inRecords(s, 0)) continue
    if (!(s.content instanceof Y.ContentAny || s.content instanceof Y.ContentJSON)) return true
    if (!s.content.getContent().every(isRecordEntry)) return true
  }
  return false
}
