import type { TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'
import { recordsOf, type StoredRecord } from '../../shared/ydoc'

interface KeyValueChange {
  action: 'add' | 'update' | 'delete'
}

/** Records of the doc that this store's schema accepts; a broken record must not take the board down. */
function validRecords(store: TLStore, records: Iterable<StoredRecord>): TLRecord[] {
  const valid: TLRecord[] = []
  for (const record of records) {
    const type = store.schema.types[record.typeName as TLRecord['typeName']]
    if (!type) continue
    try {
      valid.push(type.validate(record) as TLRecord)
    } catch (error) {
      console.warn('Brownpaper: skipping an invalid record', record.id, error)
    }
  }
  return valid
}

/**
 * Binds a tldraw store to a session doc record by record (the tldraw Yjs
 * pattern): the doc's records replace the store's document records, local
 * document-scope changes by the user go into the doc in one transaction, and
 * remote changes come in through `mergeRemoteChanges` so they never echo back.
 * Returns the function that unbinds.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc): () => void {
  const kv = recordsOf(doc)

  const initial = validRecords(store, [...kv.map.values()].map((entry) => entry.val))
  store.mergeRemoteChanges(() => {
    const stale = store
      .allRecords()
      .filter((r) => store.scopedTypes.document.has(r.typeName) && !kv.has(r.id))
      .map((r) => r.id)
    if (stale.length) store.remove(stale)
    if (initial.length) store.put(initial)
  })

  const stopListening = store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) kv.set(record.id, record as unknown as StoredRecord)
        for (const [, record] of Object.values(changes.updated)) kv.set(record.id, record as unknown as StoredRecord)
        for (const record of Object.values(changes.removed)) kv.delete(record.id)
      })
    },
    { source: 'user', scope: 'document' },
  )

  const onDocChange = (changes: Map<string, KeyValueChange>, transaction: Y.Transaction) => {
    if (transaction.local) return
    const toPut: StoredRecord[] = []
    const toRemove: TLRecord['id'][] = []
    changes.forEach((change, id) => {
      if (change.action === 'delete') toRemove.push(id as TLRecord['id'])
      else {
        const value = kv.get(id)
        if (value) toPut.push(value)
      }
    })
    const valid = validRecords(store, toPut)
    store.mergeRemoteChanges(() => {
      const present = toRemove.filter((id) => store.has(id))
      if (present.length) store.remove(present)
      if (valid.length) store.put(valid)
    })
  }
  kv.on('change', onDocChange)

  return () => {
    stopListening()
    kv.off('change', onDocChange)
  }
}
