import { describe, expect, it } from 'vitest'
import type { SessionSummary } from '../../shared/api'
import { participantFromMe } from '../../client/identity/participant'
import { matchRoute } from '../../client/router/matchRoute'
import { formatDate } from '../../client/start/formatDate'
import { groupByThemagroep } from '../../client/start/groupByThemagroep'

function session(id: string, themagroep: string, date: string | null, createdAt: string): SessionSummary {
  return { id, title: `Sessie ${id}`, themagroep, type: 'brownpapersessie', date, place: null, createdAt, updatedAt: createdAt }
}

describe('the start page', () => {
  it('groups sessions by themagroep, groups alphabetically, newest session first', () => {
    const groups = groupByThemagroep([
      session('s1', 'Wijkgerichte zorg', '2024-03-01', '2024-01-01T00:00:00Z'),
      session('s2', 'Bekostiging SO buiten het verpleeghuis', '2024-06-22', '2024-01-02T00:00:00Z'),
      session('s3', 'Bekostiging SO buiten het verpleeghuis', '2024-09-10', '2024-01-03T00:00:00Z'),
      session('s4', 'Bekostiging SO buiten het verpleeghuis', null, '2024-01-04T00:00:00Z'),
    ])
    expect(groups.map((g) => g.themagroep)).toEqual(['Bekostiging SO buiten het verpleeghuis', 'Wijkgerichte zorg'])
    expect(groups[0]!.sessions.map((s) => s.id)).toEqual(['s3', 's2', 's4'])
  })

  it('routes / to the start page, /s/:id to a board (valid ids only), /join/:token and /setup?token= to their pages', () => {
    expect(matchRoute('/')).toEqual({ name: 'start' })
    expect(matchRoute('/s/abcDEF_12-x')).toEqual({ name: 'session', sessionId: 'abcDEF_12-x' })
    expect(matchRoute('/s/abcDEF_12-x/')).toEqual({ name: 'session', sessionId: 'abcDEF_12-x' })
    expect(matchRoute('/s/short')).toEqual({ name: 'notFound' })
    expect(matchRoute('/s/../../etc')).toEqual({ name: 'notFound' })
    expect(matchRoute('/elders')).toEqual({ name: 'notFound' })
    expect(matchRoute('/join/AbCdEfGhIjKlMnOpQrStUv_-12')).toEqual({ name: 'join', token: 'AbCdEfGhIjKlMnOpQrStUv_-12' })
    expect(matchRoute('/join/kort')).toEqual({ name: 'notFound' })
    expect(matchRoute('/setup', '?token=abc')).toEqual({ name: 'setup', token: 'abc' })
    expect(matchRoute('/setup', '')).toEqual({ name: 'notFound' })
  })

  it('writes dates the Dutch or the English way', () => {
    expect(formatDate('2024-06-22', 'nl')).toBe('22 juni 2024')
    expect(formatDate('2024-06-22', 'en')).toBe('22 June 2024')
    expect(formatDate('binnenkort', 'nl')).toBe('binnenkort')
  })

  it('takes the participant from the server identity (invite or account), not from anonymous or admin', () => {
    expect(participantFromMe({ kind: 'participant', id: 'p1', name: 'Anna', organisation: 'ActiZ', role: 'deelnemer', sessionId: 's1' }, null)).toEqual({
      id: 'p1',
      name: 'Anna',
      organisation: 'ActiZ',
    })
    const user = { kind: 'user' as const, id: 'u1', email: 'c@example.org', name: 'Carla', role: 'coordinator' as const, themagroepen: [] }
    expect(participantFromMe(user, null)).toEqual({ id: 'user-u1', name: 'Carla', organisation: '' })
    expect(participantFromMe(user, { id: 'user-u1', name: 'C', organisation: 'VWS' })).toEqual({ id: 'user-u1', name: 'Carla', organisation: 'VWS' })
    expect(participantFromMe({ kind: 'anonymous' }, null)).toBeNull()
    expect(participantFromMe({ kind: 'admin' }, null)).toBeNull()
    expect(participantFromMe(null, null)).toBeNull()
  })
})
