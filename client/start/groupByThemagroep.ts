import type { SessionSummary } from '../../shared/api'

export interface ThemagroepGroup {
  themagroep: string
  sessions: SessionSummary[]
}

/**
 * Groups sessions by themagroep: groups sorted by name (Dutch collation),
 * sessions within a group newest first (by date, then by creation time).
 */
export function groupByThemagroep(sessions: readonly SessionSummary[]): ThemagroepGroup[] {
  const groups = new Map<string, SessionSummary[]>()
  for (const session of sessions) {
    const key = session.themagroep.trim()
    const list = groups.get(key)
    if (list) list.push(session)
    else groups.set(key, [session])
  }
  const newestFirst = (a: SessionSummary, b: SessionSummary) =>
    (b.date ?? '').localeCompare(a.date ?? '') || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl', { sensitivity: 'base' }))
    .map(([themagroep, list]) => ({ themagroep, sessions: [...list].sort(newestFirst) }))
}
