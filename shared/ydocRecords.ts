/**
 * The roots of a session's Y.Doc and its record store, without the layout
 * and placement code of ydoc.ts (which needs @tldraw/utils): what the phone
 * page and the list view import, so that their bundle stays small (SPEC M1).
 * ydoc.ts re-exports all of it.
 */
import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import type { RecordLike } from './boardModel'
import { sessionInfoSchema, type SessionInfo } from './session'

export const Y_RECORDS = 'tldraw'
export const Y_SESSION = 'session'
export const Y_FACILITATION = 'facilitation'

/** A record as stored in the doc: any tldraw record (kept as plain JSON). */
export type StoredRecord = RecordLike

const keyValues = new WeakMap<Y.Doc, YKeyValue<StoredRecord>>()

/** The record store of a doc. One YKeyValue per doc: it observes the array. */
export function recordsOf(doc: Y.Doc): YKeyValue<StoredRecord> {
  let kv = keyValues.get(doc)
  if (!kv) {
    kv = new YKeyValue<StoredRecord>(doc.getArray(Y_RECORDS))
    keyValues.set(doc, kv)
  }
  return kv
}

export function allRecords(doc: Y.Doc): StoredRecord[] {
  return [...recordsOf(doc).map.values()].map((entry) => entry.val)
}

export function readSessionInfo(doc: Y.Doc): SessionInfo | null {
  const parsed = sessionInfoSchema.safeParse(doc.getMap(Y_SESSION).toJSON())
  return parsed.success ? parsed.data : null
}
