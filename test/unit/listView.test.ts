import { describe, expect, it } from 'vitest'
import type { DomainSheet } from '../../shared/boardModel'
import type { DomainSticky } from '../../shared/sticky'
import { filterStickies, groupBySheetAndTag } from '../../client/list/groupStickies'

const sheet = (id: string, x: number): DomainSheet => ({ id, name: id, x, y: 0, w: 100, h: 100 })
const sticky = (id: string, text: string, tag: DomainSticky['tag'], sheetId: string | null, y = 0, extra: Partial<DomainSticky['meta']> = {}): DomainSticky => ({
  id,
  text,
  tag,
  sheetId,
  x: 0,
  y,
  meta: { tag, ...extra },
})

describe('the list view groups and search', () => {
  const stickies = [
    sticky('a', 'Coördinatie in de wijk', 'opmerking', 'B'),
    sticky('b', 'Wachtlijst', 'belemmerend', 'A', 200),
    sticky('c', 'Korte lijnen', 'bevorderend', 'A', 300),
    sticky('d', 'Eerder', 'belemmerend', 'A', 0),
    sticky('e', 'Los', 'afspraak', null, 0, { wie: 'Anna Jansen' }),
    sticky('f', 'Op een verdwenen vel', 'opmerking', 'gone'),
  ]

  it('[M10] groups by sheet in the given order, then outside the sheets (also stickies of an unknown sheet), tags in their fixed order, stickies in reading order', () => {
    const groups = groupBySheetAndTag([sheet('A', 0), sheet('B', 200), sheet('C', 400)], stickies)
    expect(groups.map((g) => g.id)).toEqual(['A', 'B', null])
    expect(groups[0]!.tags.map((t) => [t.tag, t.stickies.map((s) => s.id)])).toEqual([
      ['bevorderend', ['c']],
      ['belemmerend', ['d', 'b']],
    ])
    expect(groups[2]!.tags.flatMap((t) => t.stickies.map((s) => s.id))).toEqual(['e', 'f'])
  })

  it('[M10] search matches every word in text, fields and author, ignoring case and accents; the tag filter narrows', () => {
    expect(filterStickies(stickies, 'COORDINATIE wijk', '').map((s) => s.id)).toEqual(['a'])
    expect(filterStickies(stickies, 'coördinatie stad', '')).toEqual([])
    expect(filterStickies(stickies, 'jansen', '').map((s) => s.id)).toEqual(['e'])
    expect(filterStickies(stickies, '', 'belemmerend').map((s) => s.id)).toEqual(['b', 'd'])
    expect(filterStickies(stickies, '  ', '').length).toBe(stickies.length)
  })
})
