/**
 * The snapshot a compaction stores: the one already stored merged with the
 * new one. An instance compacts with its own doc, which may not yet hold an
 * update that another instance merged into the stored snapshot and deleted
 * from the log; merging keeps it (S5). A stored snapshot that no longer
 * decodes is replaced (nothing could read it anyway).
 */
import * as Y from 'yjs'

export function mergeSnapshots(stored: Uint8Array | null, next: Uint8Array): Uint8Array {
  if (!stored) return next
  try {
    return Y.mergeUpdates([stored, next])
  } catch {
    return next
  }
}
