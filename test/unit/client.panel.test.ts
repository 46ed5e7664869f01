/**
 * The side panel's pure parts: how it reads a sticky's links (the same
 * reading as the verslag, SPEC V6), which stickies it offers to link, which
 * way a new arrow points, and what each role may edit (P6, P8).
 */
import { describe, expect, it } from 'vitest'
import type { MeResponse } from '../../shared/access'
import { readBoard } from '../../shared/boardModel'
import { allRecords } from '../../shared/ydoc'
import { canEditBoard, canEditVerslag } from '../../client/panel/permissions'
import { arrowEnds, candidates, linkedStickies, relationsFor } from '../../client/panel/stickyRelations'
import { chainBoard, link } from '../helpers/verslagBoard'

describe('the side panel: links of the selected sticky', () => {
  it('[V6] reads a conclusie’s links like the verslag: what it rests on and which regelruimte it asks for', () => {
    const { doc, ids } = chainBoard()
    const board = readBoard(allRecords(doc))
    const linked = linkedStickies(board, ids.conclusie)
    expect(linked.get('restsOn')?.map((l) => l.sticky.id)).toEqual([ids.factor])
    expect(linked.get('asksFor')?.map((l) => l.sticky.id)).toEqual([ids.regelruimte])
    expect(linked.get('asksFor')?.[0]?.arrowId).toMatch(/^shape:/)
  })

  it('[V6] shows the same chain from the other ends: the regelruimte follows from the conclusie, the factor supports it', () => {
    const { doc, ids } = chainBoard()
    const board = readBoard(allRecords(doc))
    expect(linkedStickies(board, ids.regelruimte).get('followsFrom')?.map((l) => l.sticky.id)).toEqual([ids.conclusie])
    expect(linkedStickies(board, ids.factor).get('supportsConclusie')?.map((l) => l.sticky.id)).toEqual([ids.conclusie])
  })

  it('[V6] an arrow drawn the other way round is the same link', () => {
    const { doc, ids } = chainBoard()
    link(doc, 'shape:backwards', ids.conclusie, ids.bevorderend)
    const board = readBoard(allRecords(doc))
    expect(linkedStickies(board, ids.conclusie).get('restsOn')?.map((l) => l.sticky.id).sort()).toEqual([ids.factor, ids.bevorderend].sort())
  })

  it('offers only stickies that fit the relation and are not linked yet', () => {
    const { doc, ids } = chainBoard()
    const board = readBoard(allRecords(doc))
    const linked = linkedStickies(board, ids.conclusie)
    const restsOn = candidates(board, ids.conclusie, 'restsOn', linked.get('restsOn') ?? [])
    expect(restsOn.map((s) => s.id)).not.toContain(ids.factor)
    expect(restsOn.map((s) => s.id)).toContain(ids.bevorderend)
    expect(restsOn.every((s) => s.tag !== 'conclusie' && s.tag !== 'regelruimte')).toBe(true)
    expect(candidates(board, ids.conclusie, 'asksFor', linked.get('asksFor') ?? [])).toEqual([])
  })

  it('points new arrows as the verslag words them: factor → conclusie → regelruimte', () => {
    expect(relationsFor('conclusie')).toEqual(['restsOn', 'asksFor'])
    expect(relationsFor('regelruimte')).toEqual(['followsFrom', 'directlyOn'])
    expect(relationsFor('belemmerend')).toEqual(['supportsConclusie', 'supportsRegelruimte'])
    expect(arrowEnds('restsOn', 'c', 'f')).toEqual({ fromId: 'f', toId: 'c' })
    expect(arrowEnds('asksFor', 'c', 'r')).toEqual({ fromId: 'c', toId: 'r' })
    expect(arrowEnds('followsFrom', 'r', 'c')).toEqual({ fromId: 'c', toId: 'r' })
    expect(arrowEnds('supportsConclusie', 'f', 'c')).toEqual({ fromId: 'f', toId: 'c' })
  })
})

describe('the side panel: who may edit', () => {
  const participant = (role: 'deelnemer' | 'waarnemer' | 'secretariaat'): MeResponse => ({ kind: 'participant', id: 'p', name: 'P', organisation: 'O', role, sessionId: 's' })
  const user = (role: 'coordinator' | 'secretariaat'): MeResponse => ({ kind: 'user', id: 'u', email: 'u@example.org', name: 'U', role, themagroepen: [] })

  it('[P6] lets everyone but a waarnemer edit stickies and links', () => {
    expect(canEditBoard(participant('deelnemer'))).toBe(true)
    expect(canEditBoard(participant('waarnemer'))).toBe(false)
    expect(canEditBoard(user('coordinator'))).toBe(true)
    expect(canEditBoard(null)).toBe(true)
  })

  it('[P8] shows session details editing and the verslag only to the secretariaat and the themacoördinator', () => {
    expect(canEditVerslag(participant('deelnemer'))).toBe(false)
    expect(canEditVerslag(participant('waarnemer'))).toBe(false)
    expect(canEditVerslag(participant('secretariaat'))).toBe(true)
    expect(canEditVerslag(user('secretariaat'))).toBe(true)
    expect(canEditVerslag(user('coordinator'))).toBe(true)
    expect(canEditVerslag({ kind: 'admin' })).toBe(true)
    expect(canEditVerslag({ kind: 'anonymous' })).toBe(false)
  })
})
