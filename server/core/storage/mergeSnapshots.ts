/**
 * The snapshot a compaction stores: the one already stored merged with the
 * new one. An instance compacts with its own doc, which may not yet hold an
 * update that another instance merged into the stored snapshot and deleted
 * from the log; merging keeps it (S5). A stored snapshot that no longer
 * decodes is replaced (nothing could read it anyway).
 *
 * `Y.mergeUpdates` alone keeps the content of everything the stored snapshot
 * held, deleted since or not: a text erased from a board (a name, G4) would
 * stay in the stored bytes for good. So the merged update is applied to a
 * fresh doc, whose transaction collects the deleted content (Yjs's garbage
 * collection), and encoded again: the same document, without what was
 * deleted (S5).
 */
import * as Y from 'yjs'

export function mergeSnapshots(stored: Uint8Array | null, next: Uint8Array): Uint8Array {
  if (!stored) return next
  let merged: Uint8Array
  try {
    merged = Y.mergeUpdates([stored, next])
  } catch {
    return next
  }
  const doc = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(doc, merged)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
