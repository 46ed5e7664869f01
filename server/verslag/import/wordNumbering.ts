/**
 * The numbers Word shows before its numbered paragraphs (SPEC I22): Word
 * stores no number in the text, only a w:numPr (list and level) per
 * paragraph and the format of each level in word/numbering.xml ("%1)",
 * "%1.%2", lowerLetter, lowerRoman, a start value). mammoth keeps only
 * "ordered or not", so this reads both parts of the package and counts as
 * Word does: one marker per numbered paragraph, in document order, "" for a
 * bullet or a level without a number. A list that starts at 3, "1)" items
 * with "a." and "i." under them and numbered headings ("2.1 Wijkverpleging")
 * keep the numbers the reader saw. Pure; needs no library (node:zlib).
 */
import { inflateRawSync } from 'node:zlib'

const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const EOCD = 0x06054b50
/** The parts read here are XML of a document already within the import's bounds (L11); never inflate more. */
const MAX_PART_BYTES = 64 * 1024 * 1024

/** One file of a zip package, or undefined when it is absent or unreadable. */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  try {
    let eocd = -1
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
      if (zip.readUInt32LE(i) === EOCD) {
        eocd = i
        break
      }
    }
    if (eocd < 0) return undefined
    const entries = zip.readUInt16LE(eocd + 10)
    let offset = zip.readUInt32LE(eocd + 16)
    for (let n = 0; n < entries; n++) {
      if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_HEADER) return undefined
      const method = zip.readUInt16LE(offset + 10)
      const size = zip.readUInt32LE(offset + 20)
      const nameLength = zip.readUInt16LE(offset + 28)
      const local = zip.readUInt32LE(offset + 42)
      const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength)
      if (entryName === name) {
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) return undefined
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
        const data = zip.subarray(start, start + size)
        if (method === 0) return data
        if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES })
        return undefined
      }
      offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32)
    }
  } catch {
    return undefined
  }
  return undefined
}

interface Level {
  start: number
  format: string
  text: string
  legal: boolean
  pStyle?: string
}

const attr = (xml: string, element: string) => new RegExp(`<${element}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml)?.[1]

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ''
  })

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
  let out = ''
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v)
  return out
}

/** A counter in a level's format, as Word writes it. */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      // Word repeats the letter after z: aa, bb, …
      const letter = LETTERS[(n - 1 + 26 * 1000) % 26]!.repeat(Math.floor((n - 1) / 26) + 1)
      return format === 'upperLetter' ? letter.toUpperCase() : letter
    }
    case 'lowerRoman':
      return roman(n)
    case 'upperRoman':
      return roman(n).toUpperCase()
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'ordinal':
      return `${n}e`
    default:
      return String(n)
  }
}

/**
 * The marker of every numbered paragraph of a .docx in document order (what
 * mammoth reads as a list item or numbered heading), or null when the parts
 * cannot be read or use numbering this does not follow (a style link).
 */
export function wordNumberMarkers(docx: Buffer): string[] | null {
  const numberingXml = zipEntry(docx, 'word/numbering.xml')?.toString('utf8')
  const documentXml = zipEntry(docx, 'word/document.xml')?.toString('utf8')
  if (documentXml === undefined) return null
  if (numberingXml === undefined) return []
  const abstracts = new Map<string, Map<number, Level>>()
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*?\bw:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    if (/<w:numStyleLink\b/.test(m[2]!)) return null
    const levels = new Map<number, Level>()
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*?\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!
      levels.set(Number(l[1]), {
        start: Number(attr(body, 'w:start') ?? '1') || 0,
        format: attr(body, 'w:numFmt') ?? 'decimal',
        text: decodeXml(attr(body, 'w:lvlText') ?? ''),
        legal: /<w:isLgl\b(?![^>]*w:val="(?:0|false)")/.test(body),
        ...(attr(body, 'w:pStyle') ? { pStyle: attr(body, 'w:pStyle')! } : {}),
      })
    }
    abstracts.set(m[1]!, levels)
  }
  const nums = new Map<string, { abstract: string; overrides: Map<number, number> }>()
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*?\bw:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = attr(m[2]!, 'w:abstractNumId')
    if (abstract === undefined) continue
    const overrides = new Map<number, number>()
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*?\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, 'w:startOverride')
      if (start !== undefined) overrides.set(Number(o[1]), Number(start))
    }
    nums.set(m[1]!, { abstract, overrides })
  }
  const byStyle = new Map<string, { abstract: string; level: number }>()
  for (const [abstract, levels] of abstracts) for (const [level, l] of levels) if (l.pStyle && !byStyle.has(l.pStyle)) byStyle.set(l.pStyle, { abstract, level })

  /** Counters per list: per w:num when it restarts its numbering, else per abstract list (Word continues those). */
  const counters = new Map<string, (number | undefined)[]>()
  const markers: string[] = []
  for (const p of documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const pPr = (/^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p[1] ?? '')?.[1] ?? '').replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '').replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, '')
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1]
    const ilvl = numPr !== undefined ? attr(numPr, 'w:ilvl') : undefined
    const numId = numPr !== undefined ? attr(numPr, 'w:numId') : undefined
    const pStyle = attr(pPr, 'w:pStyle')
    // Resolved as mammoth resolves it: list and level, else the level naming the paragraph's style, else level 0 of the list.
    let found: { key: string; abstract: string; level: number; override?: number } | undefined
    if (ilvl !== undefined && numId !== undefined) {
      const num = nums.get(numId)
      if (num && abstracts.get(num.abstract)?.has(Number(ilvl))) found = { key: num.overrides.size > 0 ? `n${numId}` : `a${num.abstract}`, abstract: num.abstract, level: Number(ilvl), ...(num.overrides.has(Number(ilvl)) ? { override: num.overrides.get(Number(ilvl))! } : {}) }
    }
    if (!found && !(ilvl !== undefined && numId !== undefined) && pStyle !== undefined && byStyle.has(pStyle)) {
      const s = byStyle.get(pStyle)!
      found = { key: `a${s.abstract}`, ...s }
    }
    if (!found && !(ilvl !== undefined && numId !== undefined) && !(pStyle !== undefined && byStyle.has(pStyle)) && numId !== undefined) {
      const num = nums.get(numId)
      if (num && abstracts.get(num.abstract)?.has(0)) found = { key: num.overrides.size > 0 ? `n${numId}` : `a${num.abstract}`, abstract: num.abstract, level: 0 }
    }
    if (!found) continue
    const levels = abstracts.get(found.abstract)!
    const level = levels.get(found.level)!
    const values = counters.get(found.key) ?? []
    counters.set(found.key, values)
    const startOf = (l: number) => (l === found.level && found.override !== undefined ? found.override : (levels.get(l)?.start ?? 1))
    values[found.level] = values[found.level] === undefined ? startOf(found.level) : values[found.level]! + 1
    values.length = found.level + 1
    if (level.format === 'bullet' || level.format === 'none') {
      markers.push('')
      continue
    }
    markers.push(
      level.text
        .replace(/%(\d)/g, (_, d: string) => {
          const l = Number(d) - 1
          const lv = levels.get(l)
          if (!lv) return ''
          return formatCounter(values[l] ?? lv.start, level.legal ? 'decimal' : lv.format)
        })
        .trim(),
    )
  }
  return markers
}
