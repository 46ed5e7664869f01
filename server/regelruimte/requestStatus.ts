import { parseStickyMeta } from '../../shared/boardModel'
import { DEFAULT_REGELRUIMTE_STATUS, type RegelruimteStatus } from '../../shared/sticky'
import type { StoredRecord } from '../../shared/ydoc'

/**
 * The status of a record that is a regelruimte request (a note tagged
 * regelruimte; concept when its meta names none), or null for any other record.
 */
export function requestStatus(record: StoredRecord | undefined): RegelruimteStatus | null {
  if (!record || record.typeName !== 'shape' || record.type !== 'note') return null
  const meta = parseStickyMeta(record.meta)
  return meta.tag === 'regelruimte' ? (meta.status ?? DEFAULT_REGELRUIMTE_STATUS) : null
}
