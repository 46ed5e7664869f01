/**
 * Builds the structured verslag from a session's Y.Doc alone (SPEC V1–V12).
 * Pure and deterministic: no clock, no randomness, every list in a stable
 * order, so the same document gives the same model and the same bytes in
 * every renderer.
 */
import type * as Y from 'yjs'
import { readBoard, type DomainSheet } from '../../shared/boardModel'
import type { Language } from '../../shared/dates'
import { SESSION_TYPE_LABEL, type SessionInfo } from '../../shared/session'
import { DEFAULT_REGELRUIMTE_STATUS, voteCount, type DomainSticky } from '../../shared/sticky'
import { TAG_INFO } from '../../shared/tags'
import { allRecords, readSessionInfo, Y_SESSION } from '../../shared/ydoc'
import { VERSLAG_LABELS } from '../../shared/verslag/labels'
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

/** Where a sticky is listed as an entry (SPEC V3): exactly one place per sticky. */
function placementOf(s: DomainSticky): string {
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

function paragraphs(text: string | undefined): string[] {
  if (!text) return []
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
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
  const board = readBoard(allRecords(doc))
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
  const placement = new Map(stickies.map((s) => [s.id, placementOf(s)]))
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

  const regelruimteRoots = roots('regelruimte')
  const verzoekStickies = regelruimteRoots.filter((s) => !s.meta.prose)
  const nummerOf = new Map(verzoekStickies.map((s, i) => [s.id, `R${i + 1}`]))
  const conclusieEntry = (s: DomainSticky) => ({
    item: item(s),
    restsOn: (links.restsOn.get(s.id) ?? []).flatMap((id) => (byId.has(id) ? [ref(byId.get(id)!)] : [])),
    asksFor: (links.asksFor.get(s.id) ?? []).flatMap((id) => nummerOf.get(id) ?? []),
  })

  const sections: VerslagSection[] = []
  const occupied = new Set(stickies.map((s) => s.sheetId))
  for (const sheet of board.sheets) {
    const own = roots(`sheet:${sheet.id}`)
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

  for (const tag of ['bevorderend', 'belemmerend'] as const) {
    const groups = [...board.sheets.map((s) => s.id), null]
      .map((sheetId) => {
        const sheet = sheetId ? sheetById.get(sheetId) : undefined
        const name = sheet ? sheetName(sheet) : null
        // A sheet that is itself about factors needs no sub-heading (SPEC V5).
        const heading = name && !/bevorder|belemmer|enabling|hindering|factor/i.test(name) ? name : null
        return { heading, sheetId, items: roots(`${tag}:${sheetId ?? ''}`).map(item) }
      })
      .filter((g) => g.items.length > 0)
    if (groups.length > 0) sections.push({ kind: 'factoren', heading: TAG_INFO[tag].plural[lang], tag, groups })
  }

  if (regelruimteRoots.length > 0) {
    sections.push({
      kind: 'regelruimte',
      heading: L.regelruimte,
      notes: regelruimteRoots.filter((s) => s.meta.prose).map(item),
      verzoeken: verzoekStickies.map((s) => ({
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
    })
  }

  const afspraakRoots = roots('afspraak')
  if (afspraakRoots.length > 0) {
    const isoDate = /^\d{4}-\d{2}-\d{2}$/
    sections.push({
      kind: 'afspraken',
      heading: L.afspraken,
      notes: afspraakRoots.filter((s) => s.meta.prose).map(item),
      afspraken: afspraakRoots
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
    })
  }

  const overige = roots('overige')
  if (overige.length > 0) sections.push({ kind: 'section', heading: L.overige, sheetId: null, items: overige.map(item) })

  const picture = options.boardPicture ?? (storedPicture.success ? storedPicture.data : undefined)
  const vaststelling = options.vaststelling ?? (storedVaststelling.success ? storedVaststelling.data : undefined)
  return {
    schemaVersion: VERSLAG_SCHEMA_VERSION,
    language: lang,
    heading: verslagHeading(info.title, lang),
    title: info.title,
    themagroep: info.themagroep,
    type: info.type,
    typeLabel: SESSION_TYPE_LABEL[info.type][lang],
    ...(info.date ? { date: info.date } : {}),
    ...(info.place ? { place: info.place } : {}),
    deelnemers: info.deelnemers,
    afgemeld: info.afgemeld,
    agenda: (info.agenda ?? '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    intro: paragraphs(info.intro),
    ...(picture ? { boardPicture: picture } : {}),
    sections,
    ...(info.geplaatstOp ? { geplaatstOp: info.geplaatstOp } : {}),
    ...(info.laatstGewijzigdOp ? { laatstGewijzigdOp: info.laatstGewijzigdOp } : {}),
    ...(vaststelling ? { vaststelling } : {}),
    stickyCount: stickies.length,
  }
}
