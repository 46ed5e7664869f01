/**
 * Calendar dates as the verslag writes and reads them: "13 juni 2016"
 * (Dutch) or "13 June 2016" (English). Dates are ISO yyyy-mm-dd strings
 * without a time zone; formatting never depends on the machine's zone.
 * Shared because the client's preview and the server's export must agree.
 */

export type Language = 'nl' | 'en'

const LOCALE: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' }

const formatters = new Map<Language, Intl.DateTimeFormat>()

function formatter(lang: Language): Intl.DateTimeFormat {
  let f = formatters.get(lang)
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    formatters.set(lang, f)
  }
  return f
}

/** "2016-06-13" → "13 juni 2016". Returns the input unchanged when it is not an ISO date. */
export function formatDate(iso: string, lang: Language = 'nl'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (Number.isNaN(date.getTime())) return iso
  return formatter(lang).format(date)
}

/** Month names and common abbreviations, Dutch and English, lower case → month number. */
const MONTHS: ReadonlyMap<string, number> = new Map<string, number>([
  ...(
    [
      ['januari', 'jan', 'january'],
      ['februari', 'feb', 'febr', 'february'],
      ['maart', 'mrt', 'mar', 'march'],
      ['april', 'apr'],
      ['mei', 'may'],
      ['juni', 'jun', 'june'],
      ['juli', 'jul', 'july'],
      ['augustus', 'aug', 'august'],
      ['september', 'sep', 'sept'],
      ['oktober', 'okt', 'oct', 'october'],
      ['november', 'nov'],
      ['december', 'dec'],
    ] as const
  ).flatMap((names, i) => names.map((name) => [name, i + 1] as [string, number])),
])

/** Regex source matching a month name or abbreviation (longest first). */
export const MONTH_PATTERN = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')

export function monthNumber(name: string): number | undefined {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, ''))
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Reads the first date in a text: "13 juni 2016", "13 jun. 2016", "22 juni"
 * (year taken from `defaultYear`), "13-6-2016", "13/06/2016", "2016-06-13".
 * Returns the ISO date and where it was found, or undefined.
 */
export function findDate(
  text: string,
  defaultYear?: number,
): { iso: string; index: number; length: number } | undefined {
  const patterns: { re: RegExp; read: (m: RegExpExecArray) => string | undefined }[] = [
    {
      re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/,
      read: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
    },
    {
      re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}])`, 'iu'),
      read: (m) => {
        const year = m[3] ? Number(m[3]) : defaultYear
        const month = monthNumber(m[2] ?? '')
        return year === undefined || month === undefined ? undefined : isoDate(year, month, Number(m[1]))
      },
    },
    {
      // 13-6-2016, 13/06/16, 22/6 (a dot only with a full year, so "9.30" stays a time)
      re: /\b(\d{1,2})(?:([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?|\.(\d{1,2})\.(\d{4}))(?![\d])/,
      read: (m) => {
        const month = Number(m[3] ?? m[5])
        const yearText = m[4] ?? m[6]
        if (!yearText && defaultYear === undefined) return undefined
        let year = yearText ? Number(yearText) : (defaultYear as number)
        if (yearText && yearText.length === 2) year += 2000
        return isoDate(year, month, Number(m[1]))
      },
    },
  ]
  let best: { iso: string; index: number; length: number } | undefined
  for (const { re, read } of patterns) {
    const m = re.exec(text)
    if (!m) continue
    const iso = read(m)
    if (iso && (!best || m.index < best.index)) best = { iso, index: m.index, length: m[0].length }
  }
  return best
}

/** A whole text that is one date ("13 juni 2016"), as ISO; undefined otherwise. */
export function parseDate(text: string, defaultYear?: number): string | undefined {
  const found = findDate(text.trim(), defaultYear)
  return found ? found.iso : undefined
}
