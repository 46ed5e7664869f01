/**
 * W1: what a decoded update would do to the board, record by record, before
 * it is applied. The board's records are a y-utility YKeyValue on the root
 * array "tldraw" (shared/ydoc.ts): setting a record inserts a new `{key, val}`
 * entry (and deletes the old one); deleting it deletes its entry. So:
 *
 * - an inserted entry whose key the board has → updated (old → new value);
 *   one whose key it lacks → created;
 * - a deleted entry that is the current value of its key, with no new entry
 *   for that key → deleted;
 * - anything else the update inserts or deletes → the root it lives in.
 *
 * Only what the room lacks counts (clients resend what the server has). The
 * walk reads the update and looks structs up in the room's doc by binary
 * search; it copies nothing of the doc (W1 runs on every update).
 */
import * as Y from 'yjs'
import { recordsOf, Y_RECORDS, type StoredRecord } from '../../shared/ydoc'
import { structAt, structsByClient, type DecodedUpdate, type Struct } from '../core/decodedUpdate'

export interface RecordChange {
  key: string
  /** The current value; null when the update creates the record. */
  before: StoredRecord | null
  /** The value the update writes; null when it deletes the record. */
  after: StoredRecord | null
}

export interface UpdateChanges {
  records: RecordChange[]
  /** Roots other than the records array that the update inserts into or deletes from. */
  otherRoots: Set<string>
  /** Some part could not be placed (its parent is neither in the room nor in the update). */
  unplaced: boolean
  /** Net change of the number of records (created − deleted). */
  recordDelta: number
}

/** Where a struct lives: directly in the records array, elsewhere under a root, or unknown. */
type Place = { kind: 'records' } | { kind: 'root'; root: string } | { kind: 'unknown' } | { kind: 'none' }
const RECORDS: Place = { kind: 'records' }
const UNKNOWN: Place = { kind: 'unknown' }
const NONE: Place = { kind: 'none' }

function rootNameOf(type: Y.AbstractType<unknown>): string | null {
  let t = type
  // Bounded: a type's parent chain in a doc is finite, but never trust depth.
  for (let hops = 0; t._item !== null; hops++) {
    const parent = t._item.parent
    if (hops > 10_000 || !(parent instanceof Y.AbstractType)) return null
    t = parent
  }
  for (const [name, shared] of t.doc?.share ?? []) if (shared === t) return name
  return null
}

export function recordChanges(doc: Y.Doc, decoded: DecodedUpdate): UpdateChanges {
  const records = doc.getArray(Y_RECORDS)
  const kv = recordsOf(doc)
  const local = structsByClient(decoded)
  const docStructs = (client: number) => doc.store.clients.get(client) as (Y.Item | Y.GC)[] | undefined
  const deletedNow = (client: number, clock: number) => Y.isDeleted(decoded.ds, Y.createID(client, clock))

  const placeOfType = (type: Y.AbstractType<unknown>): Place => {
    if (type === (records as Y.AbstractType<unknown>)) return RECORDS
    const root = rootNameOf(type)
    return root === null ? UNKNOWN : { kind: 'root', root }
  }
  /** The place of an item already in the doc: where its parent type lives. */
  const placeOfDocStruct = (s: Y.Item | Y.GC): Place => {
    if (!(s instanceof Y.Item)) return NONE
    if (!(s.parent instanceof Y.AbstractType)) return UNKNOWN
    if (s.parentSub !== null) {
      const root = rootNameOf(s.parent)
      return root === null ? UNKNOWN : { kind: 'root', root: s.parent === (records as Y.AbstractType<unknown>) ? `${root} (map part)` : root }
    }
    return placeOfType(s.parent)
  }

  const memo = new Map<Struct, Place>()
  /**
   * The place of a struct of the update, resolved as Yjs does on integration:
   * its stated parent, else the parent of its left neighbour (origin), else of
   * its right one. Iterative: a chain of neighbours may be as long as the update.
   */
  const placeOfLocal = (start: Struct): Place => {
    const chain: Y.Item[] = []
    let current: Struct | null = start
    let place: Place = UNKNOWN
    while (current !== null) {
      if (!(current instanceof Y.Item)) {
        place = NONE
        break
      }
      const known = memo.get(current)
      if (known !== undefined) {
        place = known
        break
      }
      chain.push(current)
      const s: Y.Item = current
      current = null
      if (typeof s.parent === 'string') {
        place = s.parentSub !== null ? { kind: 'root', root: `${s.parent}${s.parent === Y_RECORDS ? ' (map part)' : ''}` } : s.parent === Y_RECORDS ? RECORDS : { kind: 'root', root: s.parent }
      } else if (s.parent instanceof Y.ID) {
        // A child of a type held by an item: of the doc, or of this update.
        const inDoc = structAt(docStructs(s.parent.client), s.parent.clock)
        if (inDoc instanceof Y.Item && inDoc.content instanceof Y.ContentType) {
          const inner = placeOfType(inDoc.content.type)
          place = inner.kind === 'records' ? { kind: 'root', root: `${Y_RECORDS} (nested)` } : inner
        } else if (inDoc) place = UNKNOWN
        else {
          const holder = structAt(local.get(s.parent.client), s.parent.clock)
          if (holder instanceof Y.Item) {
            // Its root is the holder's root; never the records array itself.
            const inner = placeOfLocal(holder)
            place = inner.kind === 'records' ? { kind: 'root', root: `${Y_RECORDS} (nested)` } : inner
          } else place = UNKNOWN
        }
      } else {
        const ref = s.origin ?? s.rightOrigin
        if (!ref) place = UNKNOWN
        else {
          const inDoc = structAt(docStructs(ref.client), ref.clock)
          if (inDoc) place = placeOfDocStruct(inDoc)
          else {
            const neighbour = structAt(local.get(ref.client), ref.clock)
            if (neighbour && chain.length < 1_000_000) current = neighbour
            else place = UNKNOWN
          }
        }
      }
    }
    for (const s of chain) memo.set(s, place)
    return place
  }

  const otherRoots = new Set<string>()
  let unplaced = false
  const note = (place: Place): void => {
    if (place.kind === 'unknown') unplaced = true
    else if (place.kind === 'root') otherRoots.add(place.root)
  }

  /** Entries the update inserts into the records array, per key. */
  const inserted: { key: string; val: StoredRecord }[] = []
  const insertedKeys = new Set<string>()
  for (const s of decoded.structs) {
    const known = Y.getState(doc.store, s.id.client)
    if (s.id.clock + s.length <= known) continue
    const place = placeOfLocal(s)
    if (place.kind !== 'records') {
      note(place)
      continue
    }
    const item = s as Y.Item
    if (item.content instanceof Y.ContentDeleted) continue
    if (!(item.content instanceof Y.ContentAny || item.content instanceof Y.ContentJSON)) {
      // Refused as malformed before this runs (malformedRecordEntries.ts); counted as unplaceable here too.
      unplaced = true
      continue
    }
    const entries = item.content.getContent() as { key: string; val: StoredRecord }[]
    for (let i = Math.max(0, known - s.id.clock); i < entries.length; i++) {
      if (deletedNow(s.id.client, s.id.clock + i)) continue
      const entry = entries[i]!
      inserted.push(entry)
      insertedKeys.add(entry.key)
    }
  }

  const changes: RecordChange[] = []
  const newKeys = new Set<string>()
  for (const { key, val } of inserted) {
    const current = kv.map.get(key)
    if (!current) newKeys.add(key)
    changes.push({ key, before: current ? current.val : null, after: val })
  }
  // Two new entries for one new key make one record.
  let recordDelta = newKeys.size

  for (const [client, ranges] of decoded.ds.clients) {
    const structs = docStructs(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      for (let c = clock; c < end; ) {
        const inDoc = structAt(structs, c)
        if (!inDoc) {
          // Deleting what the update itself inserts is handled above; anything else is unknown.
          const inUpdate = structAt(local.get(client), c)
          if (!inUpdate) {
            unplaced = true
            break
          }
          c = inUpdate.id.clock + inUpdate.length
          continue
        }
        const next = inDoc.id.clock + inDoc.length
        if (inDoc instanceof Y.Item && !inDoc.deleted) {
          const place = placeOfDocStruct(inDoc)
          if (place.kind === 'records') {
            const entries = inDoc.content.getContent() as { key: string; val: StoredRecord }[]
            const from = c - inDoc.id.clock
            const to = Math.min(end, next) - inDoc.id.clock
            for (let i = from; i < to; i++) {
              const entry = entries[i]
              // Only the current value of a key counts; an older duplicate is housekeeping.
              if (!entry || kv.map.get(entry.key) !== entry || insertedKeys.has(entry.key)) continue
              changes.push({ key: entry.key, before: entry.val, after: null })
              recordDelta--
            }
          } else note(place)
        }
        c = next
      }
    }
  }
  return { records: changes, otherRoots, unplaced, recordDelta }
}
