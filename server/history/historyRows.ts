/**
 * The `history_versions` table as both SQL stores write and read it (SQLite
 * and PostgreSQL name the columns alike; each keeps its own CREATE TABLE for
 * its blob type): the columns in insert order, a new version's values in
 * that order, a row read back as a summary, and the summary `add` answers.
 * One place, so the two stores cannot drift apart.
 */
import { historyKindSchema, type HistoryVersionSummary } from '../../shared/history'
import type { NewHistoryVersion } from './HistoryStore'

/** Every column but the content, for the list. */
export const HISTORY_HEAD_COLUMNS = ['session_id', 'version', 'taken_at', 'kind', 'detail', 'actor_names', 'stickies', 'sheets', 'links'] as const
export const HISTORY_COLUMNS = [...HISTORY_HEAD_COLUMNS, 'content'] as const

export interface HistoryHeadRow {
  session_id: string
  version: number
  taken_at: string
  kind: string
  detail: string | null
  actor_names: string
  stickies: number
  sheets: number
  links: number
}

/** A new version's values, numbered `version`, in the order of HISTORY_COLUMNS. */
export const historyValues = (v: NewHistoryVersion, version: number): (string | number | null | Buffer)[] => [
  v.sessionId,
  version,
  v.takenAt,
  v.kind,
  v.detail,
  JSON.stringify(v.actorNames),
  v.counts.stickies,
  v.counts.sheets,
  v.counts.links,
  Buffer.from(v.content),
]

/** Names stored as JSON; anything else reads as no names. */
const parseNames = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : []
  } catch {
    return []
  }
}

/** A kind the code no longer knows reads as periodic (built once, not per row). */
const historyKind = historyKindSchema.catch('periodic')

export const historySummaryOf = (row: HistoryHeadRow): HistoryVersionSummary => ({
  version: row.version,
  takenAt: row.taken_at,
  kind: historyKind.parse(row.kind),
  detail: row.detail,
  actorNames: parseNames(row.actor_names),
  counts: { stickies: row.stickies, sheets: row.sheets, links: row.links },
})

/** What `add` answers: the new version as it was stored, under its number. */
export const addedSummary = (v: NewHistoryVersion, version: number): HistoryVersionSummary => ({
  version,
  takenAt: v.takenAt,
  kind: v.kind,
  detail: v.detail,
  actorNames: [...v.actorNames],
  counts: { ...v.counts },
})
