/**
 * The afspraken of a verslag as an iCalendar file (SPEC V13, V23): one VEVENT
 * per afspraak with a date, timed when tijdVan is set (one hour when there
 * is no tijdTot), all-day otherwise. RFC 5545: CRLF line ends, lines folded
 * at 75 octets, text escaped, times in Europe/Amsterdam with its VTIMEZONE.
 * UID and DTSTAMP come from the document, so the same verslag gives the same
 * bytes. Written by hand: the format is small and the `ics` package neither
 * folds by octets nor writes a VTIMEZONE.
 */
import { createHash } from 'node:crypto'
import type { Afspraak, Verslag } from '../../../shared/verslag/schema'
import { oneLine } from '../../../shared/verslag/wording'
import { safeDeep } from '../../../shared/safeText'

export class IcsError extends Error {}
/** A verslag without any afspraak that has a date: there is no calendar to give (SPEC V23). */
export class NoAfsprakenError extends Error {}

export const TZID = 'Europe/Amsterdam'

/** The rules of Europe/Amsterdam since 1996 (EU summer time). */
export const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n')
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8')
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74 // a continuation line starts with one space
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

const compact = (iso: string) => iso.replace(/-/g, '')

function time(t: string | undefined): [number, number] | undefined {
  const m = t ? /^(\d{1,2})[:.](\d{2})$/.exec(t.trim()) : null
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? [h, min] : undefined
}

const hhmmss = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}00`

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

export function timing(a: Pick<Afspraak, "tijdVan" | "tijdTot"> & { wanneer: string }): string[] {
  const day = compact(a.wanneer)
  const from = time(a.tijdVan)
  if (!from) return [`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${compact(nextDay(a.wanneer))}`]
  const to = time(a.tijdTot)
  const start = `DTSTART;TZID=${TZID}:${day}T${hhmmss(from)}`
  if (to && (to[0] > from[0] || (to[0] === from[0] && to[1] > from[1]))) return [start, `DTEND;TZID=${TZID}:${day}T${hhmmss(to)}`]
  return [start, 'DURATION:PT1H']
}

/** DTSTAMP: the verslag's latest own date, never the clock (SPEC V8). */
function stamp(v: Verslag): string {
  return `${compact(v.laatstGewijzigdOp ?? v.geplaatstOp ?? v.date ?? '2000-01-01')}T000000Z`
}

/** The afspraken with a date, across every afspraken section. */
export function datedAfspraken(v: Verslag): (Afspraak & { wanneer: string })[] {
  return v.sections
    .flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))
    .filter((a): a is Afspraak & { wanneer: string } => typeof a.wanneer === 'string')
}

export function renderAfsprakenIcs(unsafe: Verslag, sessionId: string): string {
  // L10: no character the format cannot hold (shared/safeText.ts).
  const v = safeDeep(unsafe)
  const dated = datedAfspraken(v)
  if (dated.length === 0) throw new NoAfsprakenError('no dated afspraken')
  const dtstamp = stamp(v)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Brownpaper//Verslag//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(oneLine(v.heading))}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
  ]
  for (const a of dated) {
    // Stable per afspraak: the same session and sticky give the same UID in every export (SPEC V8).
    const uid = createHash('sha256').update(`${sessionId}\u0000${a.item.id}`).digest('hex').slice(0, 32)
    const description = [a.item.text, a.wie ? `Wie: ${a.wie}` : '', v.heading].filter((s) => s !== '').join('\n\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@brownpaper`,
      `DTSTAMP:${dtstamp}`,
      ...timing(a),
      // 200 characters, not UTF-16 units: an emoji at the cut stays whole (no lone surrogate).
      `SUMMARY:${escapeText(Array.from(oneLine(a.item.text)).slice(0, 200).join(''))}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(a.waar ? [`LOCATION:${escapeText(oneLine(a.waar))}`] : []),
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
