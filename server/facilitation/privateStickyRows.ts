/**
 * The `private_stickies` table as both SQL stores write and read it (SQLite
 * and PostgreSQL name the columns alike; each keeps its own CREATE TABLE and
 * its own way of ordering by `seq`): the columns in insert order, a sticky's
 * values in that order, and a row read back. One place, so the two stores
 * cannot drift apart.
 */
import { tagSchema } from '../../shared/tags'
import type { StoredPrivateSticky } from './PrivateStickyStore'

export const PRIVATE_STICKY_COLUMNS = ['id', 'session_id', 'author_id', 'author_name', 'author_organisation', 'text', 'tag', 'sheet_id', 'created_at'] as const

export interface PrivateStickyRow {
  id: string
  session_id: string
  author_id: string
  author_name: string
  author_organisation: string
  text: string
  tag: string
  sheet_id: string | null
  created_at: string
}

/** A sticky's values in the order of PRIVATE_STICKY_COLUMNS. */
export const privateStickyValues = (s: StoredPrivateSticky): (string | null)[] => [
  s.id,
  s.sessionId,
  s.authorId,
  s.authorName,
  s.authorOrganisation,
  s.text,
  s.tag,
  s.sheetId,
  s.createdAt,
]

/** A tag the code no longer knows reads as opmerking (built once, not per row). */
const tagOrOpmerking = tagSchema.catch('opmerking')

export const privateStickyOf = (r: PrivateStickyRow): StoredPrivateSticky => ({
  id: r.id,
  sessionId: r.session_id,
  authorId: r.author_id,
  authorName: r.author_name,
  authorOrganisation: r.author_organisation,
  text: r.text,
  tag: tagOrOpmerking.parse(r.tag),
  sheetId: r.sheet_id,
  createdAt: r.created_at,
})
