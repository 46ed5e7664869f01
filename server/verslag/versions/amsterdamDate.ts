const FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar date (yyyy-mm-dd) in the Netherlands at `now`: what "vastgesteld op" and "laatst gewijzigd op" say. */
export function amsterdamDate(now: Date): string {
  return FORMAT.format(now)
}
