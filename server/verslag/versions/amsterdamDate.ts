import { onFirstUse } from '../../../shared/onFirstUse'

// Made on first use: a time zone's format pages in ICU data (SPEC X18).
const format = onFirstUse(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }))

/** The calendar date (yyyy-mm-dd) in the Netherlands at `now`: what "vastgesteld op" and "laatst gewijzigd op" say. */
export function amsterdamDate(now: Date): string {
  return format().format(now)
}
