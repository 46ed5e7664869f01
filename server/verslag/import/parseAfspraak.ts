/**
 * Reads wie / wanneer / tijd / waar from an afspraak's text where the text
 * says so (SPEC I6): "22 juni 9.30 – 11.30 bij Norschoten in Barneveld …",
 * "Wie: Anna", "Waar: Utrecht", "om 14.00 uur", "van 9:30 tot 11:00".
 * Fields it cannot find stay empty; the text itself is never changed.
 */
import { findDate } from '../../../shared/dates'
import type { StickyMeta } from '../../../shared/sticky'

type AfspraakFields = Pick<StickyMeta, 'wie' | 'wanneer' | 'tijdVan' | 'tijdTot' | 'waar'>

const TIME = String.raw`([01]?\d|2[0-3])[.:h]([0-5]\d)`

function hhmm(h: string, m: string): string {
  return `${h.padStart(2, '0')}:${m}`
}

/** Words that may sit inside a place name: "Norschoten in Barneveld", "Huis ter Heide". */
const PLACE_JOINERS = new Set(['in', 'de', 'het', 'van', 'der', 'den', 'aan', 'op', 'te', 'ter', "'t", 'en'])

/** The place after "bij" / "in" / "te" / "op locatie": capitalised words and joiners. */
function placeAfter(text: string): string | undefined {
  const re = /\b(?:bij|te|op locatie|locatie)\s+/giu
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A place name is a few words: look no further than the next 120 characters.
    const words = text.slice(m.index + m[0].length, m.index + m[0].length + 120).split(/\s+/)
    const taken: string[] = []
    for (const raw of words) {
      const word = raw.replace(/[,.;:!?)]+$/, '')
      const capital = /^[\p{Lu}\p{N}]/u.test(word)
      if (!capital && !(taken.length > 0 && PLACE_JOINERS.has(word.toLowerCase()))) break
      taken.push(word)
      if (word !== raw) break
    }
    while (taken.length > 0 && PLACE_JOINERS.has(taken[taken.length - 1]!.toLowerCase())) taken.pop()
    if (taken.length > 0) return taken.join(' ')
  }
  return undefined
}

function labelled(text: string, labels: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s(;,])(?:${labels})\\s*:\\s*([^;\\n)]+)`, 'i').exec(text)
  return m ? m[1]!.trim().replace(/[.,]$/, '') : undefined
}

export function parseAfspraak(text: string, year: number | undefined): AfspraakFields {
  const fields: AfspraakFields = {}
  const wie = labelled(text, 'wie|actie|actiehouder|verantwoordelijke|trekker')
  if (wie) fields.wie = wie
  const whenText = labelled(text, 'wanneer|datum|deadline') ?? text
  const date = findDate(whenText, year)
  if (date) fields.wanneer = date.iso
  const range = new RegExp(`(?:van\\s+)?${TIME}\\s*(?:uur\\s*)?(?:[-–—]|tot)\\s*${TIME}`, 'i').exec(text)
  if (range) {
    fields.tijdVan = hhmm(range[1]!, range[2]!)
    fields.tijdTot = hhmm(range[3]!, range[4]!)
  } else {
    const single = new RegExp(`(?:\\bom\\s+${TIME}|${TIME}\\s*uur)`, 'i').exec(text)
    if (single) fields.tijdVan = single[1] ? hhmm(single[1], single[2]!) : hhmm(single[3]!, single[4]!)
  }
  const waar = labelled(text, 'waar|locatie|plaats') ?? placeAfter(text)
  if (waar) fields.waar = waar
  return fields
}
