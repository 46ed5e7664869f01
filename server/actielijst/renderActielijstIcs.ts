/**
 * The open afspraken of a themagroep as a calendar to subscribe to (SPEC
 * A8): the same event shape as a verslag's afspraken.ics (V13, V23: RFC
 * 5545, folded, Europe/Amsterdam with its VTIMEZONE), one VEVENT per open
 * afspraak with a date, its UID stable per session and sticky. A themagroep
 * without any gives a valid calendar with no events: a subscription must
 * keep working while nothing is planned.
 */
import { createHash } from 'node:crypto'
import type { ActieRow } from '../../shared/actielijst'
import { safeText } from '../../shared/safeText'
import { oneLine } from '../../shared/verslag/wording'
import { escapeText, foldLine, timing, TZID, VTIMEZONE } from '../verslag/render/renderAfsprakenIcs'

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')

export function renderActielijstIcs(themagroep: string, rows: readonly ActieRow[], now = new Date()): string {
  const name = safeText(`Actielijst ${themagroep}`)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Brownpaper//Actielijst//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    ...VTIMEZONE,
  ]
  const dtstamp = compact(now.toISOString())
  for (const row of rows) {
    if (row.status !== 'open' || row.wanneer === null) continue
    const uid = createHash('sha256').update(`${row.sessionId}\u0000${row.stickyId}`).digest('hex').slice(0, 32)
    const description = [safeText(row.wat), row.wie ? `Wie: ${safeText(row.wie)}` : '', `Uit: ${safeText(row.sessionTitle)}`].filter((s) => s !== '').join('\n\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@brownpaper`,
      `DTSTAMP:${dtstamp}`,
      ...timing({ wanneer: row.wanneer, tijdVan: row.tijdVan || undefined, tijdTot: row.tijdTot || undefined }),
      `SUMMARY:${escapeText(oneLine(safeText(row.wat)).slice(0, 200))}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(row.waar ? [`LOCATION:${escapeText(oneLine(safeText(row.waar)))}`] : []),
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
