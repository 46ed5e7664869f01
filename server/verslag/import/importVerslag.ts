/**
 * A parsed verslag → a NEW session document (SPEC I5–I10): session info from
 * the title, header fields and dates; one sheet per section heading with the
 * section's bullets and prose as stickies, tagged by the section they were
 * under; nested bullets keep their parent. Nothing of the text is dropped.
 */
import * as Y from 'yjs'
import { findDate, parseDate } from '../../../shared/dates'
import { SESSION_TYPE_LABEL, SESSION_TYPES, sessionInfoSchema, type Deelnemer, type SessionInfo, type SessionType } from '../../../shared/session'
import type { SheetHeadingStyle } from '../../../shared/sheet'
import type { StickyMeta } from '../../../shared/sticky'
import type { Tag } from '../../../shared/tags'
import type { ImportReport } from '../../../shared/verslag/importReport'
import { isImagePlaceholder } from '../../../shared/verslag/wording'
import { newShapeId, writeSessionInfo, Y_SESSION } from '../../../shared/ydoc'
import { AFSPRAKEN_HEADING, KNOWN_HEADING } from './classifyLine'
import { layoutBoard, type PlannedSheet, type PlannedSticky } from './layoutBoard'
import { parseAfspraak } from './parseAfspraak'
import { statusOf } from './knownTables'
import { toSections, type BlockFields, type ParsedBlock, type ParsedVerslag } from './parsedVerslag'

export interface ImportResult {
  doc: Y.Doc
  info: SessionInfo
  stickyCount: number
  /** What the import recognised (SPEC I20). */
  report: ImportReport
}

type Target =
  | { kind: 'sheet'; sheet: PlannedSheet; tag: Tag; level: number }
  | { kind: 'loose'; tag: Tag }
  | { kind: 'intro' }
  | { kind: 'deelnemers' }
  | { kind: 'afgemeld' }
  | { kind: 'agenda' }
  /** "Stemmen" / "Votes": our ranked votes are derived (V26); a sheet only for other content under it. */
  | { kind: 'stemmen'; name: string; level: number }

const UNKNOWN_THEMAGROEP = 'Onbekend'
const MAX_TITLE = 300

/** "**Label:** value" (our own Markdown export) → "Label: value". */
function plainField(text: string): string {
  return text.replace(/^\*\*([^*]+?):\*\*\s*/, '$1: ').replace(/^\*\*([^*]+?)\*\*:\s*/, '$1: ')
}

function field(text: string): { key: string; value: string } | undefined {
  const m = /^([\p{L} ]{3,30}?)\s*:\s*(.+)$/u.exec(plainField(text.trim()))
  return m ? { key: m[1]!.toLowerCase(), value: m[2]!.trim() } : undefined
}

function splitList(value: string): string[] {
  return value
    .split(/[,;]\s*(?![^()]*\))/)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => s !== '')
}

function deelnemer(text: string): Deelnemer {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text.trim())
  const organisation = (m ? m[1]! : text).trim().slice(0, 200) || text.trim().slice(0, 200)
  const name = m ? m[2]!.trim().slice(0, 200) : ''
  return name ? { organisation, name } : { organisation }
}

/**
 * "ActiZ en LHV hebben zich afgemeld." → ["ActiZ", "LHV"] (SPEC I5): only when
 * every part reads as an organisation's name, so "Een van de organisaties
 * heeft zich afgemeld" names nobody.
 */
const NOT_A_NAME = new Set(['de', 'het', 'een', 'alle', 'enkele', 'sommige', 'veel', 'twee', 'drie', 'iedereen', 'niemand', 'zij', 'wij'])

/** "ActiZ", "Zorgkantoor Noord", "Saffier de Residentiegroep" — not "Een van de organisaties". */
function isOrganisationName(name: string): boolean {
  const words = name.split(/\s+/)
  if (name.length === 0 || name.length > 60 || NOT_A_NAME.has(words[0]!.toLowerCase())) return false
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length
  return /^[\p{Lu}\p{N}]/u.test(name) && capitalised >= words.length - capitalised
}

export function afgemeldFromProse(paragraphs: string[]): string[] {
  for (const p of paragraphs) {
    const m = /(?:^|[.!?;]\s+)([^.!?;]{2,300}?)\s+(?:heeft|hebben)\s+zich\s+(?:vooraf\s+)?afgemeld/iu.exec(p)
    if (!m) continue
    const names = m[1]!.split(/\s*,\s*|\s+en\s+/).map((n) => n.trim())
    if (names.length > 0 && names.every(isOrganisationName)) return names
  }
  return []
}

function sessionTypeOf(text: string): SessionType | undefined {
  const lower = text.toLowerCase()
  return SESSION_TYPES.find((t) => lower.includes(t) || lower.includes(SESSION_TYPE_LABEL[t].nl.toLowerCase()))
}

function shorten(text: string, max: number): string {
  const line = text.split('\n')[0]!.trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trim()}…`
}

/** A header line of a pasted e-mail: "Van:", "Verzonden:", "Aan:", "Onderwerp:" (or the English ones). */
const MAIL_HEADER = /^(van|from|verzonden|sent|datum|date|aan|to|cc|bcc|onderwerp|subject|bijlagen?|attachments?)\s*:/i

/**
 * The header of an e-mail the text starts with (SPEC I24): its subject ("RE:", "FW:" and the like taken
 * off) for the title, the day it was sent for the year of dates written without one. Its lines stay text.
 */
function mailHeader(blocks: ParsedBlock[]): { subject?: string; sent?: string; blocks: Set<ParsedBlock> } {
  const taken = new Set<ParsedBlock>()
  let subject: string | undefined
  let sent: string | undefined
  for (const block of blocks) {
    if (block.kind !== 'paragraph') break
    const lines = block.text.split('\n')
    if (!lines.every((l) => MAIL_HEADER.test(l.trim()))) break
    taken.add(block)
    for (const l of lines) {
      const [, key, value] = /^([^:]+):\s*(.*)$/.exec(l.trim())!
      if (/^(onderwerp|subject)$/i.test(key!.trim())) subject ??= value!.replace(/^((re|fw|fwd|doorst|antw|wg)\s*:\s*)+/i, '').trim()
      if (/^(verzonden|sent|datum|date)$/i.test(key!.trim())) sent ??= findDate(value!)?.iso
    }
  }
  const lines = [...taken].flatMap((b) => b.text.split('\n'))
  // Two header lines at least, one of them naming the sender: a "Datum:" line alone is no e-mail.
  if (lines.length < 2 || !lines.some((l) => /^(van|from)\s*:/i.test(l.trim()))) return { blocks: new Set() }
  return { ...(subject ? { subject } : {}), ...(sent ? { sent } : {}), blocks: taken }
}

/**
 * Navigation lines before a web page's first heading (a breadcrumb, menu items): at most three short
 * paragraphs whose lines are all short and none ends a sentence.
 */
function isNavigation(blocks: ParsedBlock[]): boolean {
  return (
    blocks.length > 0 &&
    blocks.length <= 3 &&
    blocks.every((b) => b.kind === 'paragraph' && b.text.split('\n').every((l) => l.trim().length <= 100 && !/[.!?:;]["”’')\]]*$/.test(l.trim())))
  )
}

export interface ImportOptions {
  /** Themagroep when the text names none (default "Onbekend"); the verslag leaves it out until it is set (V22). */
  fallbackThemagroep?: string
  /** Themagroep chosen by the importer (`?themagroep=`): it wins over the text. */
  themagroep?: string
}

/** Values the import filled in without the text giving them (session map key `importGaps`, SPEC V22). */
export interface ImportGaps {
  themagroep?: string
  type?: SessionType
}

const MEETING_WORDS =
  /\b(vond|vonden|plaats|plaatsvond|gehouden|bijeen|bijeenkomst|sessie|workshop|overleg|vergadering|vergaderden|kwam|kwamen|bezocht|bezochten|werkbezoek|met|met online|took place|was held|met on|meeting|visited)\b/i

/**
 * The date and place of the meeting from a sentence such as "Op 14 maart
 * vond de bijeenkomst plaats in Amersfoort" (SPEC V22): the first sentence
 * with a date and a word about meeting; the place after "in", "te" or "bij"
 * in that sentence when it is capitalised. The year comes from the sentence,
 * else from the verslag's other dates; without a year no date is taken.
 */
export function meetingSentence(paragraphs: string[], year: number | undefined): { date?: string; place?: string } | undefined {
  for (const p of paragraphs) {
    for (const sentence of p.split(/(?<=[.!?])\s+/)) {
      if (!MEETING_WORDS.test(sentence)) continue
      const date = findDate(sentence, year)
      if (!date) continue
      const place = /\b(?:in|te|bij)\s+(\p{Lu}[\p{L}'-]+(?:\s+(?:aan|op|den|de|der|van)\s+(?:\p{Lu}|den|de)[\p{L}'-]*)*)/u.exec(sentence.slice(date.index + date.length))
      return { date: date.iso, ...(place && !/^(the|het|de)$/i.test(place[1]!) ? { place: place[1]! } : {}) }
    }
  }
  return undefined
}

/**
 * Fields from a known table or detail line (SPEC I13) go into the sticky's
 * meta when its tag has them; otherwise they are kept as lines of its text.
 */
function applyFields(meta: StickyMeta, fields: BlockFields, text: string, year: number | undefined): string {
  const extra: string[] = []
  for (const [key, raw] of Object.entries(fields) as [keyof BlockFields, string | undefined][]) {
    const value = raw?.trim()
    if (!value) continue
    if (meta.tag === 'afspraak' && key === 'wanneer') {
      const when = parseAfspraak(value, year)
      for (const k of ['wanneer', 'tijdVan', 'tijdTot'] as const) if (when[k]) meta[k] = when[k]
      if (!when.wanneer && !when.tijdVan) extra.push(value)
    } else if (meta.tag === 'afspraak' && (key === 'wie' || key === 'waar')) meta[key] = value.slice(0, 500)
    else if (meta.tag === 'regelruimte' && key === 'status' && statusOf(value)) meta.status = statusOf(value)
    else if (meta.tag === 'regelruimte' && key === 'gevraagdeRuimte') meta.gevraagdeRuimte = value.slice(0, 4000)
    else if (meta.tag === 'regelruimte' && (key === 'regeling' || key === 'adressaat' || key === 'indiener')) meta[key] = value.slice(0, 500)
    else extra.push(`${key}: ${value}`)
  }
  return extra.length > 0 ? `${text}\n${extra.join('\n')}` : text
}

export function importVerslag(parsed: ParsedVerslag, options: ImportOptions = {}): ImportResult {
  const sections = toSections(parsed)
  const info: SessionInfo = { title: '', themagroep: '', type: 'brownpapersessie', deelnemers: [], afgemeld: [] }
  const intro: string[] = []
  const agenda: string[] = []
  const sheets: PlannedSheet[] = []
  const loose: PlannedSticky[] = []

  // Title (SPEC I4, V22): the first heading, else a first line standing alone; in full, and not repeated in the body.
  // A pasted e-mail gives its subject (SPEC I24); navigation lines of a web page (a breadcrumb, a menu) before the
  // first heading do not hide it (they stay where they were).
  const first = sections[0]
  const mail = mailHeader(first?.heading ? [] : (first?.blocks ?? []))
  const second = sections[1]
  if (mail.subject) info.title = mail.subject
  else if (!first?.heading && second?.heading && first && isNavigation(first.blocks)) {
    info.title = second.heading.text
    second.heading = null
  } else if (first?.heading) {
    info.title = first.heading.text
    first.heading = null
  } else {
    const firstBlock = first?.blocks[0]
    const firstText = firstBlock?.text ?? ''
    const alone = firstBlock?.kind === 'paragraph' && !firstText.includes('\n') && firstText.length <= MAX_TITLE
    info.title = alone ? firstText : shorten(firstText, MAX_TITLE)
    if (alone) first?.blocks.shift()
  }
  info.title = info.title.trim()
  /** A source titled "Verslag …" gets the verslag heading; any other text keeps its own title as the heading. */
  const titledVerslag = /^verslag\b/i.test(info.title)
  info.title = info.title.replace(/^verslag\s*:\s*/i, '').trim()
  info.title = shorten(info.title, MAX_TITLE) || 'Geïmporteerd verslag'
  const verslagShaped = sections.some((s) => s.heading !== null) || /^verslag\b/i.test(parsed.blocks[0]?.text ?? '')

  // Session fields and dates first: the afspraken need the verslag's year.
  const allText = parsed.blocks.map((b) => b.text).join('\n')
  const consumed = new Set<ParsedBlock>()
  let typeGiven = false
  for (const block of parsed.blocks) {
    if (block.kind !== 'paragraph') continue
    const f = field(block.text)
    if (!f || block.text.includes('\n')) continue
    const date = parseDate(f.value)
    const take = (apply: () => void) => {
      apply()
      consumed.add(block)
    }
    if (/^(geplaatst|gepubliceerd) op$/.test(f.key) && date) take(() => (info.geplaatstOp = date))
    else if (f.key === 'laatst gewijzigd op' && date) take(() => (info.laatstGewijzigdOp = date))
    else if (/^(datum|date)\b/.test(f.key) && date) take(() => (info.date = date))
    else if (f.key === 'themagroep') take(() => (info.themagroep = f.value.slice(0, 300)))
    else if (/^(plaats|locatie|location|venue)\b/.test(f.key)) take(() => (info.place = f.value.slice(0, 300)))
    else if (f.key === 'soort bijeenkomst' && sessionTypeOf(f.value)) take(() => ((info.type = sessionTypeOf(f.value)!), (typeGiven = true)))
    else if (/^(deelnemers|aanwezig|present|attendees)\b/.test(f.key)) take(() => info.deelnemers.push(...splitList(f.value).map(deelnemer)))
    else if (/^(afgemeld|afwezig|apologies|absent)\b/.test(f.key)) take(() => info.afgemeld.push(...splitList(f.value)))
  }
  /** Fields the text does not give: filled to satisfy the session's schema, left out of the verslag until someone sets them (SPEC V22). */
  const gaps: ImportGaps = {}
  if (options.themagroep?.trim()) info.themagroep = options.themagroep.trim().slice(0, 300)
  if (!info.themagroep) {
    const m = /themagroep\s+[‘'"“]([^’'"”]{3,300})[’'"”]/i.exec(allText)
    info.themagroep = m ? m[1]!.trim() : options.fallbackThemagroep?.trim() || UNKNOWN_THEMAGROEP
    if (!m) gaps.themagroep = info.themagroep
  }
  // The type from the title ("Verslag workshop …"), else from "Opbrengst <type> – …" headings.
  const opbrengstType = parsed.blocks.flatMap((b) => (b.kind === 'heading' ? [/^opbrengst\s+(\p{L}+)/iu.exec(b.text)?.[1] ?? ''] : [])).map(sessionTypeOf).find((t) => t)
  const typed = sessionTypeOf(info.title) ?? (typeGiven ? undefined : opbrengstType)
  if (typed) info.type = typed
  else if (!typeGiven) gaps.type = info.type
  const fieldYear = info.date ?? info.geplaatstOp ?? info.laatstGewijzigdOp ?? mail.sent
  if (!info.date || !info.place) {
    const when = meetingSentence(parsed.blocks.slice(0, 8).flatMap((b) => (b.kind === 'paragraph' && !consumed.has(b) && !mail.blocks.has(b) ? [b.text] : [])), fieldYear ? Number(fieldYear.slice(0, 4)) : undefined)
    if (when?.date && !info.date) info.date = when.date
    if (when?.place && !info.place) info.place = when.place.slice(0, 300)
  }
  // The year of dates written without one: the verslag's own dates, else the day the e-mail was sent.
  const yearSource = info.date ?? info.geplaatstOp ?? info.laatstGewijzigdOp ?? mail.sent
  const year = yearSource ? Number(yearSource.slice(0, 4)) : undefined

  const newSheet = (name: string, headingStyle: SheetHeadingStyle): PlannedSheet => {
    const sheet: PlannedSheet = { id: newShapeId(), name: name.slice(0, 200), meta: { headingStyle }, stickies: [] }
    sheets.push(sheet)
    return sheet
  }
  const findSheet = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
  let previousSheet: PlannedSheet | null = null
  let factorTarget: { tag: Tag; level: number } | null = null

  const targetFor = (heading: NonNullable<(typeof sections)[number]['heading']>): Target => {
    const text = heading.text.replace(/\s*:\s*$/, '').trim()
    const level = heading.level ?? 0
    const lower = text.toLowerCase()
    if (factorTarget && heading.level !== undefined && level > factorTarget.level) {
      // A sub-heading under "Bevorderende factoren": the factors of that sheet.
      const sheet = findSheet(text) ?? newSheet(text, 'opbrengst')
      return { kind: 'sheet', sheet, tag: factorTarget.tag, level }
    }
    factorTarget = null
    if (/^(stemmen|votes)$/i.test(text)) return { kind: 'stemmen', name: text, level }
    // A numbered section heading ("5. Afspraken", "2.1 Wijkverpleging") keeps its name as written; a known
    // word after the number still tags what is under it (SPEC I23).
    const bare = text.replace(/^\d{1,3}(?:\.\d{1,3})*[.)]?\s+(?=\p{L})/u, '')
    if (bare !== text) {
      const tag: Tag = AFSPRAKEN_HEADING.test(bare)
        ? 'afspraak'
        : /^regelruimte\b/i.test(bare)
          ? 'regelruimte'
          : 'opmerking'
      return { kind: 'sheet', sheet: newSheet(text, 'name'), tag, level }
    }
    if (!KNOWN_HEADING.test(text)) return { kind: 'sheet', sheet: newSheet(text, 'name'), tag: 'opmerking', level }
    const opbrengst = /^opbrengst\b[^–—-]*[–—-]\s*(.+)$/i.exec(text)
    if (opbrengst) return { kind: 'sheet', sheet: findSheet(opbrengst[1]!.trim()) ?? newSheet(opbrengst[1]!.trim(), 'opbrengst'), tag: 'opmerking', level }
    const conclusie = /^conclusies?\b\s*[:–—-]?\s*(.*)$/i.exec(text)
    if (conclusie) {
      const name = conclusie[1]!.trim()
      const sheet = name ? (findSheet(name) ?? newSheet(name, 'opbrengst')) : (previousSheet ?? newSheet(text, 'name'))
      return { kind: 'sheet', sheet, tag: 'conclusie', level }
    }
    const bevorderend = /bevorderend/i.test(lower)
    const belemmerend = /belemmerend/i.test(lower)
    if (bevorderend !== belemmerend) {
      const tag: Tag = bevorderend ? 'bevorderend' : 'belemmerend'
      factorTarget = { tag, level }
      return { kind: 'sheet', sheet: newSheet(text, 'name'), tag, level }
    }
    if (AFSPRAKEN_HEADING.test(text)) return { kind: 'sheet', sheet: newSheet(text, 'name'), tag: 'afspraak', level }
    if (/^regelruimte\b/i.test(text)) return { kind: 'sheet', sheet: newSheet(text, 'name'), tag: 'regelruimte', level }
    if (/^(deelnemers|aanwezig)\b/i.test(text)) return { kind: 'deelnemers' }
    if (/^(afgemeld|afwezig)\b/i.test(text)) return { kind: 'afgemeld' }
    // Only "Agenda" itself (a colon after it allowed) is the meeting's agenda; "Agenda najaar" in a newsletter is a section of its own.
    if (/^agenda\s*:?$/i.test(text)) return { kind: 'agenda' }
    if (/^overige?$/i.test(text)) return { kind: 'loose', tag: 'opmerking' }
    return { kind: 'sheet', sheet: newSheet(text, 'name'), tag: 'opmerking', level }
  }

  let count = 0
  for (const section of sections) {
    let target: Target
    if (section.heading) target = targetFor(section.heading)
    else if (verslagShaped) target = { kind: 'intro' }
    else target = { kind: 'sheet', sheet: newSheet('Opmerkingen', 'name'), tag: 'opmerking', level: 0 }
    if (target.kind === 'sheet' && target.tag === 'opmerking') previousSheet = target.sheet
    /** Ids of the last bullet at each depth, for nesting. */
    let stack: string[] = []
    let preambleSheet: PlannedSheet | null = null
    for (const block of section.blocks) {
      if (consumed.has(block)) continue
      if (target.kind === 'stemmen') target = { kind: 'sheet', sheet: newSheet(target.name, 'name'), tag: 'opmerking', level: target.level }
      // Paragraphs before any list are the introduction; once a list has started (its items go to a
      // sheet "Inleiding"), the paragraphs after it follow it there, in their order (SPEC I29).
      if (target.kind === 'intro' && block.kind === 'paragraph' && preambleSheet === null) {
        intro.push(block.text)
        continue
      }
      if (target.kind === 'agenda') {
        // A numbered agenda keeps its numbers (SPEC V20).
        agenda.push(block.kind === 'bullet' && block.marker ? `${block.marker} ${block.text}` : block.text)
        continue
      }
      if ((target.kind === 'deelnemers' || target.kind === 'afgemeld') && block.kind === 'bullet') {
        if (target.kind === 'deelnemers') info.deelnemers.push(deelnemer(block.text))
        else info.afgemeld.push(block.text.trim().slice(0, 200))
        continue
      }
      if (target.kind === 'deelnemers' || target.kind === 'afgemeld') {
        intro.push(block.text)
        continue
      }
      // A sticky: where, with which tag.
      let into: PlannedSticky[]
      let tag: Tag
      if (target.kind === 'sheet') {
        into = target.sheet.stickies
        tag = target.tag
      } else if (target.kind === 'loose') {
        into = loose
        tag = target.tag
      } else {
        preambleSheet ??= newSheet('Inleiding', 'name')
        into = preambleSheet.stickies
        tag = 'opmerking'
      }
      const meta: StickyMeta = { tag }
      if (block.kind === 'paragraph') {
        meta.prose = true
        stack = []
      } else {
        const parent = stack.slice(0, block.depth).reverse().find((id) => id)
        if (parent) meta.parentStickyId = parent
        if (block.marker) meta.listMarker = block.marker
        if (tag === 'afspraak') Object.assign(meta, parseAfspraak(block.text, year))
      }
      let text = block.text
      if (block.kind === 'bullet' && block.fields) text = applyFields(meta, block.fields, text, year)
      const sticky: PlannedSticky = { id: newShapeId(), text, meta }
      if (block.kind === 'bullet') {
        stack = stack.slice(0, block.depth)
        while (stack.length < block.depth) stack.push('')
        stack.push(sticky.id)
      }
      into.push(sticky)
      count++
    }
  }

  // Intro beyond the schema's limit stays on the board instead of being cut.
  let introText = ''
  const overflow: string[] = []
  for (const p of intro) {
    if (overflow.length === 0 && introText.length + p.length + 2 <= 100_000) introText = introText ? `${introText}\n\n${p}` : p
    else overflow.push(p)
  }
  if (overflow.length > 0) {
    const sheet = newSheet('Inleiding (vervolg)', 'name')
    for (const p of overflow) sheet.stickies.push({ id: newShapeId(), text: p, meta: { tag: 'opmerking', prose: true } })
    count += overflow.length
  }
  if (introText) info.intro = introText
  if (info.afgemeld.length === 0) info.afgemeld = afgemeldFromProse(intro)
  if (agenda.length > 0) info.agenda = agenda.join('\n').slice(0, 20_000)
  info.deelnemers = info.deelnemers.slice(0, 500)
  info.afgemeld = info.afgemeld.slice(0, 500)

  const valid = sessionInfoSchema.parse(info)
  const doc = new Y.Doc()
  layoutBoard(doc, sheets, loose)
  writeSessionInfo(doc, valid)
  const session = doc.getMap(Y_SESSION)
  if (!titledVerslag) session.set('verslagHeading', 'title')
  if (Object.keys(gaps).length > 0) session.set('importGaps', gaps)
  return { doc, info: valid, stickyCount: count, report: importReport(parsed, valid, gaps, sheets, loose) }
}

/** Counts what the import recognised (SPEC I20): headings, lists by kind, paragraphs, afspraken, placeholders, gaps. */
function importReport(parsed: ParsedVerslag, info: SessionInfo, gaps: ImportGaps, sheets: PlannedSheet[], loose: PlannedSticky[]): ImportReport {
  let numberedLists = 0
  let bulletLists = 0
  let previous: ParsedBlock | null = null
  for (const block of parsed.blocks) {
    // A list starts at a top-level item that does not follow another item.
    if (block.kind === 'bullet' && block.depth === 0 && previous?.kind !== 'bullet') {
      if (block.marker) numberedLists++
      else bulletLists++
    }
    previous = block
  }
  const stickies = [...sheets.flatMap((s) => s.stickies), ...loose]
  const missing: ImportReport['missing'] = []
  if (gaps.themagroep !== undefined) missing.push('themagroep')
  if (gaps.type !== undefined) missing.push('type')
  if (!info.date) missing.push('date')
  if (!info.place) missing.push('place')
  const tagOf = (list: PlannedSticky[]): Tag => {
    const counts = new Map<Tag, number>()
    for (const s of list) counts.set(s.meta.tag, (counts.get(s.meta.tag) ?? 0) + 1)
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'opmerking'
  }
  return {
    shape: parsed.shape ?? 'paragraphs',
    headings: parsed.blocks.filter((b) => b.kind === 'heading').length,
    numberedLists,
    bulletLists,
    paragraphs: parsed.blocks.filter((b) => b.kind === 'paragraph').length,
    afspraken: stickies.filter((s) => s.meta.tag === 'afspraak' && !s.meta.prose).length,
    imagePlaceholders: parsed.blocks.filter((b) => b.kind === 'paragraph' && isImagePlaceholder(b.text)).length,
    dropped: (parsed.dropped ?? []).slice(0, 50).map((d) => d.slice(0, 200)),
    missing,
    sections: sheets.slice(0, 500).map((s) => ({ sheetId: s.id, name: s.name, tag: tagOf(s.stickies), stickies: s.stickies.length })),
  }
}
