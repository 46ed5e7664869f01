/**
 * The afspraken of a verslag as an iCalendar file (SPEC V13): one VEVENT per
 * afspraak with a date, timed when tijdVan is set (one hour when there is no
 * tijdTot), all-day otherwise. Floating local times (no zone conversion), and
 * UID / DTSTAMP derived from the document, so the same verslag gives the same
 * bytes.
 */
import { createHash } from 'node:crypto'
import { createEvents, type DateArray, type EventAttributes } from 'ics'
import type { Afspraak, Verslag } from '../../../shared/verslag/schema'
import { oneLine } from '../../../shared/verslag/wording'
import { safeDeep } from '../../../shared/safeText'

export class IcsError extends Error {}

function dateArray(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return [y, m, d]
}

function time(t: string | undefined): [number, number] | undefined {
  const m = t ? /^(\d{1,2})[:.](\d{2})$/.exec(t.trim()) : null
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? [h, min] : undefined
}

function nextDay(iso: string): [number, number, number] {
  const [y, m, d] = dateArray(iso)
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()]
}

function timing(a: Afspraak & { wanneer: string }): Pick<EventAttributes, 'start'> & ({ end: DateArray } | { duration: { hours: number } }) {
  const day = dateArray(a.wanneer)
  const from = time(a.tijdVan)
  if (!from) return { start: day, end: nextDay(a.wanneer) }
  const to = time(a.tijdTot)
  const start: DateArray = [...day, ...from]
  if (to && (to[0] > from[0] || (to[0] === from[0] && to[1] > from[1]))) return { start, end: [...day, ...to] }
  return { start, duration: { hours: 1 } }
}

/** UTC timestamp of the document's latest own date: DTSTAMP must not depend on the clock. */
function stamp(v: Verslag): number {
  const date = v.laatstGewijzigdOp ?? v.geplaatstOp ?? v.date ?? '2000-01-01'
  return Date.parse(`${date}T00:00:00Z`)
}

export function renderAfsprakenIcs(unsafe: Verslag, sessionId: string): string {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = safeDeep(unsafe)
  const afspraken = v.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))
  const dated = afspraken.filter((a): a is Afspraak & { wanneer: string } => typeof a.wanneer === 'string')
  const timestamp = stamp(v)
  const events = dated.map((a) => {
    const uid = createHash('sha256').update(`${sessionId}\u0000${a.item.id}`).digest('hex').slice(0, 32)
    const description = [a.item.text, a.wie ? `Wie: ${a.wie}` : '', v.heading].filter((s) => s !== '').join('\n\n')
    const attributes: EventAttributes & { timestamp: number } = {
      ...timing(a),
      startInputType: 'local',
      startOutputType: 'local',
      endInputType: 'local',
      endOutputType: 'local',
      title: oneLine(a.item.text).slice(0, 200),
      description,
      ...(a.waar ? { location: a.waar } : {}),
      uid: `${uid}@brownpaper`,
      productId: 'brownpaper/verslag',
      calName: v.heading,
      timestamp,
    }
    return attributes
  })
  if (events.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:brownpaper/verslag', 'METHOD:PUBLISH', `X-WR-CALNAME:${v.heading.replace(/[\\;,\n]/g, ' ')}`, 'END:VCALENDAR', ''].join('\r\n')
  }
  const { error, value } = createEvents(events, { productId: 'brownpaper/verslag', calName: v.heading })
  if (error || !value) throw new IcsError(error?.message ?? 'ics failed')
  return value
}
