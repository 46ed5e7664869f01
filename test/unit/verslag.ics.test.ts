import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildVerslag } from '../../server/verslag/buildVerslag'
import { importVerslag } from '../../server/verslag/import/importVerslag'
import { parseVerslagText } from '../../server/verslag/import/parseVerslagText'
import { foldLine, NoAfsprakenError, renderAfsprakenIcs } from '../../server/verslag/render/renderAfsprakenIcs'
import { chainBoard } from '../helpers/verslagBoard'

function events(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1)
}

function parsed(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics))
  return { component, events: component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) }
}

describe('afspraken.ics', () => {
  it('[V13][V23] one VEVENT per afspraak with a date: timed in Europe/Amsterdam with tijdVan/tijdTot, all-day otherwise; none for an undated one', () => {
    const ics = renderAfsprakenIcs(buildVerslag(chainBoard().doc), 'sessie-1')
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    const list = events(ics)
    expect(list).toHaveLength(2)
    const timed = list.find((e) => e.includes('SUMMARY:Werksessie regelruimte'))!
    expect(timed).toContain('DTSTART;TZID=Europe/Amsterdam:20160622T093000\r\n')
    expect(timed).toContain('DTEND;TZID=Europe/Amsterdam:20160622T113000\r\n')
    expect(timed).toContain('LOCATION:Norschoten in Barneveld')
    const allDay = list.find((e) => e.includes('SUMMARY:AMvB voorbereiden'))!
    expect(allDay).toContain('DTSTART;VALUE=DATE:20160615')
    expect(allDay).toContain('DTEND;VALUE=DATE:20160616')
    expect(ics).not.toContain('Terugkoppeling aan de achterban')
  })

  it('[V23] ical.js reads the calendar: a VTIMEZONE for Europe/Amsterdam, the timed event at 07:30 UTC in summer', () => {
    const ics = renderAfsprakenIcs(buildVerslag(chainBoard().doc), 'sessie-1')
    const { component, events: list } = parsed(ics)
    const zone = component.getFirstSubcomponent('vtimezone')
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam')
    ICAL.TimezoneService.register(new ICAL.Timezone(zone!))
    const timed = list.find((e) => e.summary === 'Werksessie regelruimte')!
    expect(timed.startDate.toJSDate().toISOString()).toBe('2016-06-22T07:30:00.000Z')
    expect(timed.endDate.toJSDate().toISOString()).toBe('2016-06-22T09:30:00.000Z')
    const allDay = list.find((e) => e.summary === 'AMvB voorbereiden')!
    expect(allDay.startDate.isDate).toBe(true)
    ICAL.TimezoneService.remove('Europe/Amsterdam')
  })

  it('[V23] RFC 5545 lines: CRLF only, no line longer than 75 octets, folded text reads back whole (ical.js)', () => {
    const long = `Afspraken\n\n- 3 mei 2024 ${'overleg over de bekostiging van de specialist ouderengeneeskunde — één, twee; drie '.repeat(4)}bij Zorgkantoor Noord`
    const v = buildVerslag(importVerslag(parseVerslagText(`Verslag: Lang\n\n${long}\n`)).doc)
    const ics = renderAfsprakenIcs(v, 'sessie-lang')
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    const text = v.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))[0]!.item.text
    expect(parsed(ics).events[0]!.summary).toBe(text.slice(0, 200))
    expect(parsed(ics).events[0]!.description).toContain(text)
  })

  it('[V23] folding never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`
    const folded = foldLine(line)
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
      expect(part).not.toContain('\uFFFD')
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  it('[V23] no empty calendar: a verslag without a dated afspraak throws NoAfsprakenError', () => {
    const v = buildVerslag(importVerslag(parseVerslagText('Verslag: Zonder\n\nAfspraken\n\n- ooit eens bellen\n')).doc)
    expect(() => renderAfsprakenIcs(v, 'x')).toThrow(NoAfsprakenError)
  })

  it('[V8][V13][V23] UIDs and DTSTAMP come from the document, not the clock; a UID is stable per afspraak', () => {
    const { doc } = chainBoard()
    const ics = renderAfsprakenIcs(buildVerslag(doc), 'sessie-1')
    const stamps = [...ics.matchAll(/DTSTAMP:(\S+)/g)].map((m) => m[1])
    expect(new Set(stamps)).toEqual(new Set(['20190729T000000Z']))
    const uids = [...ics.matchAll(/UID:(\S+)/g)].map((m) => m[1])
    expect(new Set(uids).size).toBe(2)
    expect(renderAfsprakenIcs(buildVerslag(doc), 'sessie-1')).toBe(ics)
    expect(renderAfsprakenIcs(buildVerslag(doc), 'sessie-2')).not.toBe(ics)
  })

  it('[V23][V29] a 300-character afspraak with emoji, commas and semicolons: ical.js reads SUMMARY as its first 200 characters and DESCRIPTION whole; no line over 75 octets, no broken character', () => {
    // Each 🧑‍⚕️ is several UTF-16 units; one sits across the 200th unit, where a cut by units would split it.
    const head = 'Overleg huisartsen, wijkverpleging; zorgverzekeraars: '
    let body = head
    while (Array.from(body).length < 300) body += Array.from(body).length % 7 === 0 ? '🧑‍⚕️ ' : 'regelruimte, indicatie; '
    const text = Array.from(body).slice(0, 300).join('').trim()
    expect(Array.from(text).length).toBeGreaterThanOrEqual(295)
    const v = buildVerslag(importVerslag(parseVerslagText(`Verslag: Emoji\n\nAfspraken\n\n- 3 mei 2024 ${text}\n`)).doc)
    const item = v.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))[0]!.item
    // The import keeps the emoji whole (its zero-width joiners too, I27).
    expect(item.text).toBe(`3 mei 2024 ${text}`)
    const ics = renderAfsprakenIcs(v, 'sessie-emoji')
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(ics).not.toMatch(/[\uD800-\uDFFF]/u)
    expect(ics).not.toContain('\uFFFD')
    const { events: list } = parsed(ics)
    expect(list).toHaveLength(1)
    expect(list[0]!.summary).toBe(Array.from(item.text).slice(0, 200).join(''))
    expect(list[0]!.description).toContain(item.text)
    expect(list[0]!.startDate.toString()).toBe('2024-05-03')
  })

  it('[V13][V23] an afspraak without a date is not in the calendar; the dated one beside it is (ical.js)', () => {
    const v = buildVerslag(importVerslag(parseVerslagText('Verslag: Half\n\nAfspraken\n\n- de notitie rondsturen aan de zorgverzekeraars\n- 12 juni 2025 overleg met de huisartsen in Zwolle\n')).doc)
    const { events: list } = parsed(renderAfsprakenIcs(v, 'sessie-half'))
    expect(list.map((e) => e.summary)).toEqual(['12 juni 2025 overleg met de huisartsen in Zwolle'])
    expect(list[0]!.startDate.isDate).toBe(true)
  })
})
