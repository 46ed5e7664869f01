import type { RegisterRow } from '../../shared/regelruimte'
import { onFirstUse } from '../../shared/onFirstUse'

// Made on first use: a collator pages in ICU data (SPEC X18).
const collator = onFirstUse(() => new Intl.Collator('nl', { sensitivity: 'variant', numeric: true }))

const byText = (a: string, b: string): number => collator().compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)

/**
 * The register's fixed order (SPEC R3): themagroep, then session date (oldest
 * first, sessions without a date last), session title, session id, then the
 * request's number (R2 before R10).
 */
export function compareRows(a: RegisterRow, b: RegisterRow): number {
  return (
    byText(a.themagroep, b.themagroep) ||
    (a.sessionDate === b.sessionDate ? 0 : a.sessionDate === null ? 1 : b.sessionDate === null ? -1 : byText(a.sessionDate, b.sessionDate)) ||
    byText(a.sessionTitle, b.sessionTitle) ||
    byText(a.sessionId, b.sessionId) ||
    byText(a.nummer, b.nummer)
  )
}
