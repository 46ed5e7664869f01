import { compareReadingOrder, type DomainSheet } from '../../shared/boardModel'
import type { DomainSticky } from '../../shared/sticky'
import { TAGS, type Tag } from '../../shared/tags'

export interface StickyGroup {
  /** Sheet id, null for stickies outside every sheet. */
  id: string | null
  /** A key safe for element ids. */
  key: string
  name: string | null
  tags: { tag: Tag; stickies: DomainSticky[] }[]
}

/** Case- and accent-insensitive form for search ("coördinator" finds "coordinator"). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
}

/** Stickies whose text, fields or author contain every word of the query, of one tag or all (SPEC M10). */
export function filterStickies(stickies: readonly DomainSticky[], query: string, tag: Tag | ''): DomainSticky[] {
  const words = searchable(query).split(/\s+/).filter(Boolean)
  return stickies.filter((s) => {
    if (tag && s.tag !== tag) return false
    if (words.length === 0) return true
    const { author, wie, waar, regeling, gevraagdeRuimte, adressaat, indiener } = s.meta
    const haystack = searchable([s.text, author?.name, author?.organisation, wie, waar, regeling, gevraagdeRuimte, adressaat, indiener].filter(Boolean).join(' '))
    return words.every((word) => haystack.includes(word))
  })
}

/** Sheets in reading order (those with stickies), then "outside"; inside each, tags in their fixed order; stickies in reading order. */
export function groupBySheetAndTag(sheets: readonly DomainSheet[], stickies: readonly DomainSticky[]): StickyGroup[] {
  const all = [...sheets.map((s, i) => ({ id: s.id as string | null, key: `s${i}`, name: s.name as string | null })), { id: null, key: 'outside', name: null }]
  return all
    .map((sheet) => {
      const inSheet = stickies.filter((s) => s.sheetId === sheet.id || (sheet.id === null && !sheets.some((x) => x.id === s.sheetId)))
      const tags = TAGS.map((tag) => ({ tag, stickies: inSheet.filter((s) => s.tag === tag).sort(compareReadingOrder) })).filter((g) => g.stickies.length > 0)
      return { ...sheet, tags }
    })
    .filter((group) => group.tags.length > 0)
}
