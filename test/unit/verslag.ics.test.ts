import { describe, expect, it } from 'vitest'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { renderAfsprakenIcs } from '../../server/verslag/render/renderAfsprakenIcs'
import { chainBoard } from '../helpers/verslagBoard'

function events(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1)
}

describe('afspraken.ics', () => {
  it('[V13] one VEVENT per afspraak with a date: timed with tijdVan/tijdTot, all-day otherwise; none for an undated one', () => {
    const ics = renderAfsprakenIcs(buildVerslag(chainBoard().doc), 'sessie-1')
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true)
    const list = events(ics)
    expect(list).toHaveLength(2)
    const timed = list.find((e) => e.includes('SUMMARY:Werksessie regelruimte'))!
    expect(timed).toContain('DTSTART:20160622T093000\r\n')
    expect(timed).toContain('DTEND:20160622T113000\r\n')
    expect(timed).toContain('LOCATION:Norschoten in Barneveld')
    const allDay = list.find((e) => e.includes('SUMMARY:AMvB voorbereiden'))!
    expect(allDay).toContain('DTSTART;VALUE=DATE:20160615')
    expect(allDay).toContain('DTEND;VALUE=DATE:20160616')
    expect(ics).not.toContain('Terugkoppeling aan de achterban')
  })

  it('[V8][V13] UIDs and DTSTAMP come from the document, not the clock', () => {
    const { doc } = chainBoard()
    const ics = renderAfsprakenIcs(buildVerslag(doc), 'sessie-1')
    const stamps = [...ics.matchAll(/DTSTAMP:(\S+)/g)].map((m) => m[1])
    expect(new Set(stamps)).toEqual(new Set(['20190729T000000Z']))
    const uids = [...ics.matchAll(/UID:(\S+)/g)].map((m) => m[1])
    expect(new Set(uids).size).toBe(2)
    expect(renderAfsprakenIcs(buildVerslag(doc), 'sessie-2')).not.toBe(ics)
  })
})
