import type { Language } from '../../shared/dates'
import type { RegisterRow } from '../../shared/regelruimte'
import type { RegelruimteStatus } from '../../shared/sticky'

export interface RegisterFilters {
  themagroep: string | null
  status: RegelruimteStatus | null
}

export function applyFilters(rows: readonly RegisterRow[], filters: RegisterFilters): RegisterRow[] {
  return rows.filter((r) => (filters.themagroep === null || r.themagroep === filters.themagroep) && (filters.status === null || r.status === filters.status))
}

/** The download URL of the register in `format` with the page's filters (the server filters the same way, SPEC R3). */
export function downloadUrl(format: 'csv' | 'json' | 'xlsx', filters: RegisterFilters, language: Language): string {
  const params = new URLSearchParams()
  if (filters.themagroep !== null) params.set('themagroep', filters.themagroep)
  if (filters.status !== null) params.set('status', filters.status)
  if (format === 'csv' && language === 'en') params.set('lang', 'en')
  const query = params.toString()
  return `/api/regelruimte.${format}${query ? `?${query}` : ''}`
}

/** Rows per themagroep, in the register's order (rows arrive sorted by themagroep, SPEC R3). */
export function groupByThemagroep(rows: readonly RegisterRow[]): { themagroep: string; rows: RegisterRow[] }[] {
  const groups: { themagroep: string; rows: RegisterRow[] }[] = []
  for (const row of rows) {
    const last = groups[groups.length - 1]
    if (last && last.themagroep === row.themagroep) last.rows.push(row)
    else groups.push({ themagroep: row.themagroep, rows: [row] })
  }
  return groups
}
