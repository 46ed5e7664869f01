/**
 * P8 inside the document: which root types of the Y.Doc (see shared/ydoc.ts:
 * "tldraw", "session", "facilitation", …) a decoded update inserts into or
 * deletes from, so that a deelnemer's connection may write the board's
 * records but not the session details. Parents are found in the update
 * itself or in the room's document; null when some part cannot be placed.
 * What the room has already (structs, deletions) is not counted.
 */
import * as Y from 'yjs'
import { structAt, structsByClient, type DecodedUpdate, type Struct } from '../core/decodedUpdate'


function rootOfType(type: Y.AbstractType<unknown>): string | null {
  let t = type
  while (t._item !== null) {
    const parent = t._item.parent
    if (!(parent instanceof Y.AbstractType)) return null
    t = parent
  }
  for (const [name, shared] of t.doc?.share ?? []) if (shared === t) return name
  return null
}

export function rootsOfUpdate(doc: Y.Doc, decoded: DecodedUpdate): Set<string> | null {
  const local = structsByClient(decoded)
  const docStructs = (client: number) => doc.store.clients.get(client) as (Y.Item | Y.GC)[] | undefined

  const UNKNOWN = Symbol('unknown')
  const NONE = Symbol('none')
  type Root = string | typeof UNKNOWN | typeof NONE
  const memo = new Map<Struct, Root>()

  const rootOfDocStruct = (s: Y.Item | Y.GC): Root => {
    if (!(s instanceof Y.Item)) return NONE // already garbage-collected
    return s.parent instanceof Y.AbstractType ? (rootOfType(s.parent) ?? UNKNOWN) : UNKNOWN
  }

  const rootOfId = (id: Y.ID, depth: number): Root => {
    const inDoc = structAt(docStructs(id.client), id.clock)
    if (inDoc) return rootOfDocStruct(inDoc)
    const inUpdate = structAt(local.get(id.client), id.clock)
    return inUpdate ? rootOfLocal(inUpdate, depth + 1) : UNKNOWN
  }

  /** The root the type held by the item `id` (its parent) lives in. */
  const rootOfParentItem = (id: Y.ID, depth: number): Root => {
    const inDoc = structAt(docStructs(id.client), id.clock)
    if (inDoc instanceof Y.Item && inDoc.content instanceof Y.ContentType) return rootOfType(inDoc.content.type) ?? UNKNOWN
    const inUpdate = structAt(local.get(id.client), id.clock)
    return inUpdate ? rootOfLocal(inUpdate, depth + 1) : UNKNOWN
  }

  const rootOfLocal = (s: Struct, depth: number): Root => {
    if (!(s instanceof Y.Item)) return NONE // GC and Skip carry no content
    const known = memo.get(s)
    if (known !== undefined) return known
    if (depth > 10_000) return UNKNOWN
    let root: Root
    if (typeof s.parent === 'string') root = s.parent
    else if (s.parent instanceof Y.ID) root = rootOfParentItem(s.parent, depth)
    else {
      const ref = s.origin ?? s.rightOrigin
      root = ref ? rootOfId(ref, depth) : UNKNOWN
    }
    memo.set(s, root)
    return root
  }

  const roots = new Set<string>()
  const add = (root: Root): boolean => {
    if (root === UNKNOWN) return false
    if (root !== NONE) roots.add(root)
    return true
  }

  // Updates repeat what the server has (a client that loads its IndexedDB copy
  // sends all of it): only structs it lacks and deletions it has not seen change anything.
  const known = (client: number) => Y.getState(doc.store, client)
  for (const s of decoded.structs) {
    if (s.id.clock + s.length <= known(s.id.client)) continue
    if (!add(rootOfLocal(s, 0))) return null
  }

  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      for (let c = clock; c < clock + len; ) {
        const inDoc = structAt(docStructs(client), c)
        const inUpdate = inDoc ? null : structAt(local.get(client), c)
        const s = inDoc ?? inUpdate
        if (!s) return null
        const alreadyDeleted = inDoc !== null && (!(inDoc instanceof Y.Item) || inDoc.deleted)
        if (!alreadyDeleted && !add(inDoc ? rootOfDocStruct(inDoc) : rootOfLocal(s, 0))) return null
        c = s.id.clock + s.length
      }
    }
  }
  return roots
}
