import { describe, expect, it } from 'vitest'
import { normalizeThemagroepName, sameThemagroep, themagroepKey } from '../../shared/themagroepName'
import { canSeeSession, isMemberOf } from '../../server/access/policy'
import type { Actor } from '../../server/access/Actor'
import { groupByThemagroep } from '../../client/start/groupByThemagroep'
import type { SessionSummary } from '../../shared/api'

describe('themagroep names (P26)', () => {
  it('[P26] are normalised with NFKC, invisible characters removed, one space between words, trimmed; the key is case-insensitive', () => {
    expect(normalizeThemagroepName('  Groep\u00a0\u00a0B\n')).toBe('Groep B')
    expect(normalizeThemagroepName('Ｇｒｏｅｐ\u2003Ｂ')).toBe('Groep B')
    expect(normalizeThemagroepName('Groep\u200b B\ufeff')).toBe('Groep B')
    expect(normalizeThemagroepName('Coo\u0308rdinatie')).toBe('Coördinatie')
    expect(themagroepKey('GROEP B')).toBe(themagroepKey('groep\u00a0b'))
    expect(sameThemagroep('groep b', 'Groep\u00a0B')).toBe(true)
    expect(sameThemagroep('Groep B', 'Groep C')).toBe(false)
  })

  it('[P26][P4] membership and seeing a session compare names normalised', () => {
    const anna: Actor = { kind: 'user', id: 'u1', email: 'a@b.nl', name: 'Anna', role: 'coordinator', themagroepen: ['groep b'] }
    expect(isMemberOf(['groep b'], 'Groep\u00a0B')).toBe(true)
    expect(canSeeSession(anna, { id: 's1', themagroep: 'GROEP  B' })).toBe(true)
    expect(canSeeSession(anna, { id: 's2', themagroep: 'Groep C' })).toBe(false)
  })

  it('[P26] the start page shows one group per themagroep under the first spelling', () => {
    const session = (id: string, themagroep: string): SessionSummary => ({
      id,
      title: id,
      themagroep,
      type: 'workshop',
      date: null,
      place: null,
      createdAt: `2026-01-0${id}T00:00:00.000Z`,
      updatedAt: 'x',
    })
    const groups = groupByThemagroep([session('1', 'Groep B'), session('2', 'groep\u00a0b'), session('3', 'Groep C')])
    expect(groups.map((g) => [g.themagroep, g.sessions.length])).toEqual([
      ['Groep B', 2],
      ['Groep C', 1],
    ])
  })
})
