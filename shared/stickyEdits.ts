/**
 * Edits of a sticky made on the Y.Doc directly, without a tldraw editor: the
 * phone page and the list view change text, tag, domain fields and links this
 * way (SPEC M5, M10); links are in stickyLinks.ts. Each is one transaction that keeps the record valid for
 * tldraw's schema (the tag's colour goes with the tag, as on the canvas).
 */
import type * as Y from 'yjs'
import { propsOf } from './boardModel'
import { toRichText } from './richText'
import type { StickyMeta } from './sticky'
import { TAG_INFO, type Tag } from './tags'
import { recordsOf, type StoredRecord } from './ydocRecords'

/** Domain fields a person edits in a form (not tag, author, votes or structure). */
export type StickyField = Exclude<keyof StickyMeta, 'tag' | 'author' | 'createdAt' | 'votes' | 'parentStickyId' | 'prose'>

function note(doc: Y.Doc, id: string): StoredRecord | null {
  const record = recordsOf(doc).get(id)
  return record && record.typeName === 'shape' && record.type === 'note' ? record : null
}

export interface StickyChanges {
  text?: string
  tag?: Tag
  /** Domain fields; an empty string removes the field. */
  fields?: Partial<Record<StickyField, string>>
}

/**
 * Changes a sticky's text, tag (with the tag's note colour) and fields in one
 * write; false when there is no such sticky. One write, not one per change:
 * a YKeyValue reads back its old value until the transaction ends.
 */
export function editSticky(doc: Y.Doc, id: string, changes: StickyChanges): boolean {
  const record = note(doc, id)
  if (!record) return false
  const props: Record<string, unknown> = { ...propsOf(record) }
  const meta: Record<string, unknown> = { ...(record.meta ?? {}) }
  if (changes.text !== undefined) props.richText = toRichText(changes.text)
  if (changes.tag !== undefined) {
    meta.tag = changes.tag
    props.color = TAG_INFO[changes.tag].color
  }
  for (const [field, value] of Object.entries(changes.fields ?? {})) {
    if (value === '' || value === undefined) delete meta[field]
    else meta[field] = value
  }
  recordsOf(doc).set(id, { ...record, props, meta })
  return true
}
