/**
 * Builds the structured verslag from a session's Y.Doc alone (SPEC V1–V12).
 * Pure and deterministic: no clock, no randomness, every list in a stable
 * order, so the same document gives the same model and the same bytes in
 * every renderer.
 */
import type * as Y from 'yjs'
import { PHASE_INFO, readFacilitation } from '../../shared/facilitation'
import { readBoard, type DomainSheet } from '../../shared/boardModel'
import type { Language } from '../../shared/dates'
import { SESSION_TYPE_LABEL, type SessionInfo } from '../../shared/session'
import { DEFAULT_REGELRUIMTE_STATUS, voteCount, type DomainSticky } from '../../shared/sticky'
import { TAG_INFO } from '../../shared/tags'
import { allRecords, readSessionInfo, Y_FACILITATION, Y_SESSION } from '../../shared/ydoc'
import { VERSLAG_LABELS } from '../../shared/verslag/labels'
import { orderSheets, SHEET_ORDER_KEY } from '../../shared/verslag/sheetOrder'
import {
  boardPictureSchema,
  vaststellingSchema,
  VERSLAG_SCHEMA_VERSION,
  type BoardPicture,
  type StickyRef,
  type Vaststelling,
  type Verslag,
  type VerslagItem,
  type VerslagSection,
} from '../../shared/verslag/schema'
import { verslagLinks } from './verslagLinks'
import { rankByVotes } from '../../shared/voteRanking'

export interface BuildVerslagOptions {
  language?: Language
  /** Overrides the picture reference stored in the session map (key "boardPicture"). */
  boardPicture?: BoardPicture
  /** Overrides the vaststelling stored in the session map (key "vaststelling"). */
  vaststelling?: Vaststelling
}

const FALLBACK_INFO: SessionInfo = {
  title: 'Zonder titel',
  themagroep: '',
  type: 'brownpapersessie',
  deelnemers: [],
  afgemeld: [],
}

/** Tags whose stickies are collected into one section of their own (factoren, regelruimte, afspraken). */
const COLLECTED_TAGS = ['bevorderend', 'belemmerend', 'regelruimte', 'afspraak'] as const
type CollectedTag = (typeof COLLECTED_TAGS)[number]
const isCollected = (tag: string): tag is CollectedTag => (COLLECTED_TAGS as readonly string[]).includes(tag)

/**
 * Where a sticky is listed as an entry (SPEC V3): exactly one place per
 * sticky. A sticky on a sheet dedicated to its tag (V1) is listed in that
 * sheet's own section.
 */
function placementOf(s: DomainSticky, dedicated: ReadonlyMap<string, CollectedTag>): string {
  if (s.sheetId && dedicated.get(s.sheetId) === s.tag) return `own:${s.sheetId}`
  switch (s.tag) {
    case 'conclusie':
      return `conclusie:${s.sheetId ?? ''}`
    case 'bevorderend':
    case 'belemmerend':
      return `${s.tag}:${s.sheetId ?? ''}`
    case 'regelruimte':
      return 'regelruimte'
    case 'afspraak':
      return 'afspraak'
    default:
      return s.sheetId ? `sheet:${s.sheetId}` : 'overige'
  }
}

/**
 * Sheets dedicated to one collected tag (SPEC V1): named by their own heading
 * (an imported "Vervolgafspraken", "Belemmerende factoren") and holding only
 * stickies of that tag. Their section stands where the sheet stands.
 */
function dedicatedSheets(sheets: DomainSheet[], stickies: DomainSticky[]): Map<string, CollectedTag> {
  const tagsOf = new Map<string, Set<string>>()
  for (const s of stickies) {
    if (!s.sheetId) continue
    const tags = tagsOf.get(s.sheetId) ?? new Set<string>()
    tags.add(s.tag)
    tagsOf.set(s.sheetId, tags)
  }
  const dedicated = new Map<string, CollectedTag>()
  for (const sheet of sheets) {
    const tags = [...(tagsOf.get(sheet.id) ?? [])]
    if (sheet.headingStyle === 'name' && tags.length === 1 && isCollected(tags[0]!)) dedicated.set(sheet.id, tags[0])
  }
  return dedicated
}

function paragraphs(text: string | undefined): string[] {
  if (!text) return []
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}

/** The session map's `importGaps` (SPEC V22), read leniently. */
export function importGapsOf(value: unknown): { themagroep?: string; type?: string } {
  const source = value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  return {
    ...(typeof source.themagroep === 'string' ? { themagroep: source.themagroep } : {}),
    ...(typeof source.type === 'string' ? { type: source.type } : {}),
  }
}

export function verslagHeading(title: string, lang: Language): string {
  return /^(verslag|report)\b/i.test(title.trim()) ? title.trim() : `${VERSLAG_LABELS[lang].verslag}: ${title.trim()}`
}

/** Levels a sticky may nest under its parentStickyId (V4, L7); deeper chains are listed flat. */
export const MAX_NESTING = 10

export function buildVerslag(doc: Y.Doc, options: BuildVerslagOptions = {}): Verslag {
  const lang = options.language ?? 'nl'
  const L = VERSLAG_LABELS[lang]
  const info = readSessionInfo(doc) ?? FALLBACK_INFO
  const sessionMap = doc.getMap(Y_SESSION)
  const storedPicture = boardPictureSchema.safeParse(sessionMap.get('boardPicture'))
  const storedVaststelling = vaststellingSchema.safeParse(sessionMap.get('vaststelling'))
  const read = readBoard(allRecords(doc))
  const board = { ...read, sheets: orderSheets(read.sheets, sessionMap.get(SHEET_ORDER_KEY)) }
  const stickies = board.stickies
  const byId = new Map(stickies.map((s) => [s.id, s]))
  const sheetById = new Map(board.sheets.map((s) => [s.id, s]))
  const sheetName = (sheet: DomainSheet | undefined): string => (sheet?.name.trim() ? sheet.name.trim() : L.unnamedSheet)
  const sheetOf = (s: DomainSticky): string | null => (s.sheetId ? sheetName(sheetById.get(s.sheetId)) : null)
  const ref = (s: DomainSticky): StickyRef => ({ id: s.id, text: s.text, tag: s.tag, sheet: sheetOf(s) })
  const links = verslagLinks(stickies, board.links)

  // Nesting (SPEC V4): a sticky hangs under its parentStickyId when the parent
  // is listed in the same place and the chain has no cycle. L7: a chain deeper
  // than MAX_NESTING is not nested (any verslag nests a few levels); so each
  // walk is bounded and every later walk over the items is shallow.
  const dedicated = dedicatedSheets(board.sheets, stickies)
  const placement = new Map(stickies.map((s) => [s.id, placementOf(s, dedicated)]))
  const parentOf = new Map<string, string>()
  for (const s of stickies) {
    const parentId = s.meta.parentStickyId
    if (!parentId || !byId.has(parentId) || placement.get(parentId) !== placement.get(s.id)) continue
    let cursor: string | undefined = parentId
    let nests = true
    for (let depth = 1; cursor; depth++) {
      if (cursor === s.id || depth > MAX_NESTING) {
        nests = false
        break
      }
      const next: string | undefined = byId.get(cursor)?.meta.parentStickyId
      cursor = next && byId.has(next) && placement.get(next) === placement.get(s.id) ? next : undefined
    }
    if (nests) parentOf.set(s.id, parentId)
  }
  const childrenOf = new Map<string, DomainSticky[]>()
  for (const s of stickies) {
    const parentId = parentOf.get(s.id)
    if (!parentId) continue
    const siblings = childrenOf.get(parentId)
    if (siblings) siblings.push(s)
    else childrenOf.set(parentId, [s])
  }
  const item = (s: DomainSticky): VerslagItem => ({
    id: s.id,
    text: s.text,
    tag: s.tag,
    kind: s.meta.prose ? 'paragraph' : 'bullet',
    ...(s.meta.listMarker && !s.meta.prose ? { marker: s.meta.listMarker } : {}),
    votes: voteCount(s.meta),
    children: (childrenOf.get(s.id) ?? []).map(item),
  })
  /** Top-level stickies of one placement, in reading order. */
  const rootsByPlacement = new Map<string, DomainSticky[]>()
  for (const s of stickies) {
    if (parentOf.has(s.id)) continue
    const key = placement.get(s.id) ?? ''
    const list = rootsByPlacement.get(key)
    if (list) list.push(s)
    else rootsByPlacement.set(key, [s])
  }
  const roots = (key: string): DomainSticky[] => rootsByPlacement.get(key) ?? []

  // Where each collected tag's section stands (SPEC V1): at the first sheet
  // dedicated to it, else after the sheets in the default order.
  const homeOf = new Map<CollectedTag, string>()
  for (const sheet of board.sheets) {
    const tag = dedicated.get(sheet.id)
    if (tag && !homeOf.has(tag)) homeOf.set(tag, sheet.id)
  }
  /** The top-level stickies of a collected tag's section at `sheetId` (null: the default place). */
  const collectedRoots = (tag: CollectedTag, sheetId: string | null): DomainSticky[] => {
    const own = sheetId ? roots(`own:${sheetId}`) : []
    if ((homeOf.get(tag) ?? null) !== sheetId) return own
    if (tag === 'regelruimte' || tag === 'afspraak') return [...own, ...roots(tag)]
    return [...own, ...[...board.sheets.map((sh) => sh.id), ''].flatMap((id) => roots(`${tag}:${id}`))]
  }
  const regelruimtePlaces = [...board.sheets.filter((sh) => dedicated.get(sh.id) === 'regelruimte').map((sh) => sh.id), ...(homeOf.has('regelruimte') ? [] : [null])]
  const verzoekStickies = regelruimtePlaces.flatMap((id) => collectedRoots('regelruimte', id)).filter((s) => !s.meta.prose)
  const nummerOf = new Map(verzoekStickies.map((s, i) => [s.id, `R${i + 1}`]))
  const conclusieEntry = (s: DomainSticky) => ({
    item: item(s),
    restsOn: (links.restsOn.get(s.id) ?? []).flatMap((id) => (byId.has(id) ? [ref(byId.get(id)!)] : [])),
    asksFor: (links.asksFor.get(s.id) ?? []).flatMap((id) => nummerOf.get(id) ?? []),
  })

  const factorSection = (tag: 'bevorderend' | 'belemmerend', heading: string, sheetId: string | null): VerslagSection | null => {
    const own = sheetId ? roots(`own:${sheetId}`) : []
    const isHome = (homeOf.get(tag) ?? null) === sheetId
    const groups = [
      ...(own.length > 0 ? [{ heading: null, sheetId, items: own.map(item) }] : []),
      ...(isHome ? [...board.sheets.map((sh) => sh.id), null] : [])
        .map((id) => {
          const sheet = id ? sheetById.get(id) : undefined
          const name = sheet ? sheetName(sheet) : null
          // A sheet that is itself about factors needs no sub-heading (SPEC V2).
          const sub = name && !/bevorder|belemmer|enabling|hindering|factor/i.test(name) ? name : null
          return { heading: sub, sheetId: id, items: roots(`${tag}:${id ?? ''}`).map(item) }
        })
        .filter((g) => g.items.length > 0),
    ]
    return groups.length > 0 ? { kind: 'factoren', heading, tag, groups } : null
  }
  /** Prose before the section's first entry is shown before its table, prose after it after the table (SPEC V30). */
  const proseAround = (list: DomainSticky[]) => {
    const first = list.findIndex((s) => !s.meta.prose)
    const after = first < 0 ? [] : list.slice(first).filter((s) => s.meta.prose).map(item)
    return { notes: (first < 0 ? list : list.slice(0, first)).filter((s) => s.meta.prose).map(item), ...(after.length > 0 ? { notesAfter: after } : {}) }
  }
  const regelruimteSection = (heading: string, sheetId: string | null): VerslagSection | null => {
    const list = collectedRoots('regelruimte', sheetId)
    if (list.length === 0) return null
    return {
      kind: 'regelruimte',
      heading,
      ...proseAround(list),
      verzoeken: list
        .filter((s) => !s.meta.prose)
        .map((s) => ({
          nummer: nummerOf.get(s.id) ?? '',
          item: item(s),
          sheet: sheetOf(s),
          ...(s.meta.gevraagdeRuimte ? { gevraagdeRuimte: s.meta.gevraagdeRuimte } : {}),
          ...(s.meta.regeling ? { regeling: s.meta.regeling } : {}),
          ...(s.meta.adressaat ? { adressaat: s.meta.adressaat } : {}),
          ...(s.meta.indiener ? { indiener: s.meta.indiener } : {}),
          status: s.meta.status ?? DEFAULT_REGELRUIMTE_STATUS,
          conclusies: (links.followsFrom.get(s.id) ?? []).map((cid) => ({
            conclusie: ref(byId.get(cid)!),
            factoren: (links.restsOn.get(cid) ?? []).map((fid) => ref(byId.get(fid)!)),
          })),
          restsOn: (links.directlyOn.get(s.id) ?? []).map((id) => ref(byId.get(id)!)),
        })),
    }
  }
  const afsprakenSection = (heading: string, sheetId: string | null): VerslagSection | null => {
    const list = collectedRoots('afspraak', sheetId)
    if (list.length === 0) return null
    const isoDate = /^\d{4}-\d{2}-\d{2}$/
    return {
      kind: 'afspraken',
      heading,
      ...proseAround(list),
      afspraken: list
        .filter((s) => !s.meta.prose)
        .map((s) => ({
          item: item(s),
          sheet: sheetOf(s),
          ...(s.meta.wie ? { wie: s.meta.wie } : {}),
          ...(s.meta.wanneer && isoDate.test(s.meta.wanneer) ? { wanneer: s.meta.wanneer } : {}),
          ...(s.meta.tijdVan ? { tijdVan: s.meta.tijdVan } : {}),
          ...(s.meta.tijdTot ? { tijdTot: s.meta.tijdTot } : {}),
          ...(s.meta.waar ? { waar: s.meta.waar } : {}),
        })),
    }
  }
  const collectedSection = (tag: CollectedTag, heading: string, sheetId: string | null): VerslagSection | null =>
    tag === 'afspraak' ? afsprakenSection(heading, sheetId) : tag === 'regelruimte' ? regelruimteSection(heading, sheetId) : factorSection(tag, heading, sheetId)

  const sections: VerslagSection[] = []
  const push = (section: VerslagSection | null) => {
    if (section) sections.push(section)
  }
  const occupied = new Set(stickies.map((s) => s.sheetId))
  for (const sheet of board.sheets) {
    const own = roots(`sheet:${sheet.id}`)
    const tag = dedicated.get(sheet.id)
    if (tag) push(collectedSection(tag, sheetName(sheet), sheet.id))
    const keepEmpty = !occupied.has(sheet.id) && sheet.headingStyle === 'name'
    if (own.length > 0 || keepEmpty) {
      const heading =
        sheet.headingStyle === 'name'
          ? sheetName(sheet)
          : `${L.opbrengst} ${SESSION_TYPE_LABEL[info.type][lang].toLowerCase()} – ${sheetName(sheet)}`
      sections.push({ kind: 'section', heading, sheetId: sheet.id, items: own.map(item) })
    }
    const conclusies = roots(`conclusie:${sheet.id}`)
    if (conclusies.length > 0) {
      const name = sheetName(sheet)
      const heading = /^(conclusies?|conclusions?)$/i.test(name) ? L.conclusies : `${L.conclusie} ${name}`
      sections.push({ kind: 'conclusies', heading, sheetId: sheet.id, conclusies: conclusies.map(conclusieEntry) })
    }
  }
  const looseConclusies = roots('conclusie:')
  if (looseConclusies.length > 0) {
    sections.push({ kind: 'conclusies', heading: L.conclusies, sheetId: null, conclusies: looseConclusies.map(conclusieEntry) })
  }
  // Collected tags without a sheet of their own: the default order of a new board.
  for (const tag of ['bevorderend', 'belemmerend'] as const) if (!homeOf.has(tag)) push(factorSection(tag, TAG_INFO[tag].plural[lang], null))
  if (!homeOf.has('regelruimte')) push(regelruimteSection(L.regelruimte, null))
  if (!homeOf.has('afspraak')) push(afsprakenSection(L.afspraken, null))

  const overige = roots('overige')
  if (overige.length > 0) sections.push({ kind: 'section', heading: L.overige, sheetId: null, items: overige.map(item) })

  // The votes ranked (SPEC V26): most first; ties in the verslag's order of sheets, then reading order.
  const sheetIndex = new Map(board.sheets.map((sh, i) => [sh.id, i]))
  const inSheetOrder = stickies
    .map((s, i) => ({ s, i, sheet: s.sheetId !== null && sheetIndex.has(s.sheetId) ? sheetIndex.get(s.sheetId)! : board.sheets.length }))
    .sort((a, b) => a.sheet - b.sheet || a.i - b.i)
    .map((e) => e.s)
  const stemmen = rankByVotes(inSheetOrder, (s) => voteCount(s.meta)).map((r) => ({ rank: r.rank, votes: r.votes, sticky: ref(r.entry) }))

  const picture = options.boardPicture ?? (storedPicture.success ? storedPicture.data : undefined)
  const vaststelling = options.vaststelling ?? (storedVaststelling.success ? storedVaststelling.data : undefined)
  // Fields an import filled in without the text giving them stay out until someone sets them (SPEC V22).
  const gaps = importGapsOf(sessionMap.get('importGaps'))
  return {
    schemaVersion: VERSLAG_SCHEMA_VERSION,
    language: lang,
    heading: sessionMap.get('verslagHeading') === 'title' ? info.title.trim() : verslagHeading(info.title, lang),
    title: info.title,
    themagroep: gaps.themagroep !== undefined && gaps.themagroep === info.themagroep ? '' : info.themagroep,
    type: info.type,
    typeLabel: gaps.type !== undefined && gaps.type === info.type ? '' : SESSION_TYPE_LABEL[info.type][lang],
    ...(info.date ? { date: info.date } : {}),
    ...(info.place ? { place: info.place } : {}),
    deelnemers: info.deelnemers,
    afgemeld: info.afgemeld,
    agenda: info.agenda?.trim() ? agendaLines(info.agenda) : facilitationAgenda(doc, lang), // facil F3
    intro: paragraphs(info.intro),
    ...(picture ? { boardPicture: picture } : {}),
    sections,
    ...(stemmen.length > 0 ? { stemmen } : {}),
    ...(info.geplaatstOp ? { geplaatstOp: info.geplaatstOp } : {}),
    ...(info.laatstGewijzigdOp ? { laatstGewijzigdOp: info.laatstGewijzigdOp } : {}),
    ...(vaststelling ? { vaststelling } : {}),
    stickyCount: stickies.length,
  }
}

function agendaLines(agenda: string): string[] {
  return agenda
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/**
 * facil F3: a facilitated session without agenda text of its own gets the
 * agenda of its phases ("Stil schrijven (10 min)"); a session that was never
 * facilitated (no facilitation map) keeps an empty agenda.
 */
function facilitationAgenda(doc: Y.Doc, lang: Language): string[] {
  if (doc.getMap(Y_FACILITATION).size === 0) return []
  return readFacilitation(doc).agenda.map((item) => `${PHASE_INFO[item.phase].label[lang]} (${item.minutes} min)`)
}
