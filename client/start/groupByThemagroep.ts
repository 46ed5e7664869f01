import type { SessionSummary } from '../../shared/api'
import { themagroepKey } from '../../shared/themagroepName'

export interface ThemagroepGroup {
  themagroep: string
  sessions: SessionSummary[]
}

/**
 * Groups sessions by themagroep: groups sorted by name (Dutch collation),
 * sessions within a group newest first (by date, then by creation time).
 */
export function groupByThemagroep(sessions: readonly SessionSummary[]): ThemagroepGroup[] {
  // P26: one group per themagroep key, under the first spelling met.
  const groups = new Map<string, { name: string; list: SessionSummary[] }>()
  for (const session of sessions) {
    const key = themagroepKey(session.themagroep)
    const group = groups.get(key)
    if (group) group.list.push(session)
    else groups.set(key, { name: session.themagroep.trim(), list: [session] })
  }
  const newestFirst = (a: SessionSummary, b: SessionSummary) =>
    (b.date ?? '').localeCompare(a.date ?? '') || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)
  return [...groups.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }))
    .map(({ name, list }) => ({ themagroep: name, sessions: [...list].sort(newestFirst) }))
}
