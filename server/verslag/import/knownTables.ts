/**
 * Tables of our own verslag (SPEC I13): the afspraken table (Afspraak, Wie,
 * Wanneer, Waar) and the regelruimte table (Nr., Verzoek, Gevraagde ruimte,
 * Regeling, Adressaat, Indiener, Status), in Dutch or English, read back as
 * bullets with their fields, so that an exported verslag imports again.
 * Lines that only trace links ("Volgt uit …", "Rust op …") are derived from
 * arrows and are not content; they are left out, and so is the table of
 * ranked votes (Nr., Sticky, Tag, Vel, Stemmen; SPEC V26).
 */
import { VERSLAG_LABELS } from '../../../shared/verslag/labels'
import { REGELRUIMTE_STATUSES, type RegelruimteStatus } from '../../../shared/sticky'
import { typedListItem } from './listMarkers'
import type { BlockFields, ParsedBlock } from './parsedVerslag'

const norm = (s: string) => s.trim().toLowerCase().replace(/[.:]$/, '')

function columnsOf(header: string[], labels: Record<string, string[]>): Map<string, number> {
  const map = new Map<string, number>()
  header.forEach((h, i) => {
    for (const [key, names] of Object.entries(labels)) if (names.includes(norm(h))) map.set(key, i)
  })
  return map
}

const both = (pick: (l: (typeof VERSLAG_LABELS)['nl']) => string) => [norm(pick(VERSLAG_LABELS.nl)), norm(pick(VERSLAG_LABELS.en))]

const AFSPRAAK_COLUMNS = { text: both((l) => l.afspraak), wie: both((l) => l.wie), wanneer: both((l) => l.wanneer), waar: both((l) => l.waar) }
const REGELRUIMTE_COLUMNS = {
  nummer: both((l) => l.nummer),
  text: both((l) => l.verzoek),
  gevraagdeRuimte: both((l) => l.gevraagdeRuimte),
  regeling: both((l) => l.regeling),
  adressaat: both((l) => l.adressaat),
  indiener: both((l) => l.indiener),
  status: both((l) => l.status),
}

/** The ranked votes of our own export (SPEC V26): derived from the votes, not content. */
const STEMMEN_COLUMNS = { nummer: both((l) => l.nummer), text: both((l) => l.sticky), tag: both((l) => l.tag), sheet: both((l) => l.vel), votes: both((l) => l.stemmen) }

/** A trace line of our own export, derived from arrows. */
export const TRACE_LINE = new RegExp(
  `^(${[VERSLAG_LABELS.nl, VERSLAG_LABELS.en].flatMap((l) => [l.followsFrom, l.restsOn, l.asksFor]).join('|')}):?\\s+(\\S{1,2}\\s+)?(“|${VERSLAG_LABELS.nl.regelruimte.toLowerCase()}|${VERSLAG_LABELS.en.regelruimte.toLowerCase()})`,
  'i',
)

export function statusOf(label: string): RegelruimteStatus | undefined {
  const wanted = norm(label)
  for (const lang of ['nl', 'en'] as const) {
    const found = REGELRUIMTE_STATUSES.find((s) => VERSLAG_LABELS[lang].statusLabel[s] === wanted)
    if (found) return found
  }
  return REGELRUIMTE_STATUSES.find((s) => s === wanted)
}

/**
 * Rows of a known table as bullets with fields; null for any other table.
 * Each cell is its lines; the text cell keeps its lines but trace lines.
 */
export function knownTableBullets(rows: string[][][]): ParsedBlock[] | null {
  const [header, ...body] = rows
  if (!header || body.length === 0) return null
  const heads = header.map((c) => c.join(' '))
  const stemmen = columnsOf(heads, STEMMEN_COLUMNS)
  if (stemmen.size === Object.keys(STEMMEN_COLUMNS).length && stemmen.size === heads.length) return []
  for (const labels of [AFSPRAAK_COLUMNS, REGELRUIMTE_COLUMNS]) {
    const cols = columnsOf(heads, labels)
    if (cols.size !== Object.keys(labels).length || cols.size !== heads.length) continue
    return body.map((row) => {
      const cell = (key: string) => {
        const i = cols.get(key)
        return i === undefined ? [] : (row[i] ?? [])
      }
      const fields: BlockFields = {}
      for (const key of Object.keys(labels)) {
        if (key === 'text' || key === 'nummer') continue
        const value = cell(key).join('\n').trim()
        if (value) fields[key as keyof BlockFields] = value
      }
      const text = cell('text')
        .filter((l) => !TRACE_LINE.test(l.trim()))
        .join('\n')
        .trim()
      // A numbered afspraak's number, written before its text in the cell (SPEC V20, I25).
      const [firstLine = '', ...more] = text.split('\n')
      const numbered = labels === AFSPRAAK_COLUMNS ? typedListItem(firstLine) : undefined
      if (numbered?.marker !== undefined) return { kind: 'bullet', text: [numbered.text.trim(), ...more].join('\n'), depth: 0, fields, marker: numbered.marker }
      return { kind: 'bullet', text, depth: 0, fields }
    })
  }
  return null
}
