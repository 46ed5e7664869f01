/**
 * The UI follows the one write-rules table (shared/writeRules.ts) that the
 * server enforces (W17): per role, which sticky actions the panel and the
 * canvas offer.
 */
import { describe, expect, it } from 'vitest'
import type { MeResponse } from '../../shared/access'
import { WRITE_RULES } from '../../shared/writeRules'
import { boardWriterOf, mayCreateShape, stickyRights } from '../../client/panel/permissions'

const participant = (role: 'deelnemer' | 'waarnemer' | 'secretariaat'): MeResponse => ({ kind: 'participant', id: 'p1', name: 'Dirk', organisation: 'Zorggroep', role, sessionId: 's' })
const account = (role: 'coordinator' | 'secretariaat'): MeResponse => ({ kind: 'user', id: 'u1', email: 'a@b.nl', name: 'Anna', role, themagroepen: [] })
const mine = { author: { id: 'p1', name: 'Dirk', organisation: '' } }
const others = { author: { id: 'anna', name: 'Anna', organisation: '' } }

describe('what the UI offers (W17)', () => {
  it('[W17][W5][W6][W7] a deelnemer edits and deletes only their own stickies and sets no status; the panel reads this from the shared table', () => {
    const writer = boardWriterOf(participant('deelnemer'))
    expect(stickyRights(writer, mine)).toEqual({ edit: true, delete: true, setStatus: false, link: false })
    expect(stickyRights(writer, others)).toEqual({ edit: false, delete: false, setStatus: false, link: false })
    expect(WRITE_RULES.setStatus.reach.deelnemer).toBe('none')
  })

  it('[W17][W16] secretariaat and coördinator may do all of it to anyone’s sticky; a waarnemer nothing', () => {
    for (const me of [participant('secretariaat'), account('secretariaat'), account('coordinator')]) {
      expect(stickyRights(boardWriterOf(me), others)).toEqual({ edit: true, delete: true, setStatus: true, link: true })
    }
    expect(stickyRights(boardWriterOf(participant('waarnemer')), mine)).toEqual({ edit: false, delete: false, setStatus: false, link: false })
  })

  it('[W17][W3][W10][W11][W12] a deelnemer’s canvas keeps only the stickies they draw; organisers draw sheets and arrows', () => {
    const deelnemer = boardWriterOf(participant('deelnemer'))
    expect(['note', 'frame', 'arrow', 'geo'].map((type) => mayCreateShape(deelnemer, type))).toEqual([true, false, false, false])
    expect(['note', 'frame', 'arrow', 'geo'].map((type) => mayCreateShape(boardWriterOf(account('coordinator')), type))).toEqual([true, true, true, true])
  })

  it('[W9] an account writes under user-<id>, as the server names it', () => {
    expect(boardWriterOf(account('coordinator'))).toEqual({ role: 'coordinator', id: 'user-u1' })
  })
})
