import { describe, expect, it } from 'vitest'
import { earlierOpenAfspraken, type ActieRow } from '../../shared/actielijst'

const row = (sessionId: string, sessionDate: string | null, stickyId: string, status: ActieRow['status'] = 'open'): ActieRow => ({
  themagroep: 'Wonen',
  sessionId,
  sessionTitle: `Sessie ${sessionId}`,
  sessionDate,
  stickyId,
  wat: stickyId,
  wie: '',
  wanneer: null,
  tijdVan: '',
  tijdTot: '',
  waar: '',
  status,
  statusSince: null,
  overdue: false,
  carriedFrom: null,
  carriedTo: null,
  history: [],
})

describe('open afspraken of earlier sessions', () => {
  const rows = [
    row('juni', '2026-06-13', 'a'),
    row('juni', '2026-06-13', 'b', 'gedaan'),
    row('juni', '2026-06-13', 'c', 'vervallen'),
    row('zonder-datum', null, 'd'),
    row('september', '2026-09-01', 'e'),
    row('december', '2026-12-01', 'f'),
    row('zelfde-dag', '2026-09-01', 'g'),
  ]

  it('[A10] lists the open afspraken of other sessions not dated after this one, in the actielijst order', () => {
    expect(earlierOpenAfspraken(rows, { id: 'september', date: '2026-09-01' }).map((r) => r.stickyId)).toEqual(['a', 'd', 'g'])
  })

  it('[A10] an undated session sees the open afspraken of every other session', () => {
    expect(earlierOpenAfspraken(rows, { id: 'zonder-datum', date: null }).map((r) => r.stickyId)).toEqual(['a', 'e', 'f', 'g'])
  })

  it('[A10] nothing open elsewhere gives an empty list', () => {
    expect(earlierOpenAfspraken([row('juni', '2026-06-13', 'b', 'gedaan'), row('september', '2026-09-01', 'e')], { id: 'september', date: '2026-09-01' })).toEqual([])
  })
})
