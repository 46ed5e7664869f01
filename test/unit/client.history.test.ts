import { beforeAll, describe, expect, it } from 'vitest'
import type { HistoryVersionSummary } from '../../shared/history'
import { describeCounts, describeVersion } from '../../client/history/describeVersion'
import { loadDictionary } from '../../client/i18n/dictionaries'
import { translate } from '../../client/i18n/translate'
import { matchRoute } from '../../client/router/matchRoute'

const version = (patch: Partial<HistoryVersionSummary>): HistoryVersionSummary => ({
  version: 3,
  takenAt: '2026-06-22T10:00:00.000Z',
  kind: 'periodic',
  detail: null,
  actorNames: [],
  counts: { stickies: 12, sheets: 3, links: 2 },
  ...patch,
})

describe('the history page (client)', () => {
  // English is a chunk of its own, loaded when chosen (M1).
  beforeAll(async () => {
    await loadDictionary('en')
  })

  it('[P21] /s/:id/geschiedenis is the history page of that session; a malformed id is no page', () => {
    expect(matchRoute('/s/abcDEF_12-x/geschiedenis')).toEqual({ name: 'history', sessionId: 'abcDEF_12-x' })
    expect(matchRoute('/s/abcDEF_12-x/geschiedenis/')).toEqual({ name: 'history', sessionId: 'abcDEF_12-x' })
    expect(matchRoute('/s/short/geschiedenis')).toEqual({ name: 'notFound' })
    expect(matchRoute('/s/abcDEF_12-x/history')).toEqual({ name: 'notFound' })
  })

  it('[H2] says in one sentence why each version was taken and by whom, in Dutch and English', () => {
    const nl = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('nl', key, params)
    const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params)
    expect(describeVersion(nl, version({ kind: 'before-delete', detail: '27', actorNames: ['Piet (Zorggroep Noord)'] }), 'nl')).toBe(
      'Vlak voordat Piet (Zorggroep Noord) 27 onderdelen tegelijk verwijderde',
    )
    expect(describeVersion(en, version({ kind: 'before-delete', detail: '27' }), 'en')).toBe('Just before 27 items were deleted at once')
    expect(describeVersion(nl, version({ kind: 'phase', detail: 'stil-schrijven' }), 'nl')).toBe('Bij de overgang naar de fase ‘Stil schrijven’')
    expect(describeVersion(nl, version({ kind: 'vaststelling', detail: '2' }), 'nl')).toBe('Bij de vaststelling van versie 2 van het verslag')
    expect(describeVersion(en, version({ kind: 'before-restore', detail: '5', actorNames: ['Anna'] }), 'en')).toBe('Just before Anna restored version 5')
    expect(describeVersion(nl, version({ actorNames: ['Anna', 'Bram'] }), 'nl')).toBe('Automatisch bewaard na wijzigingen van Anna, Bram')
    expect(describeVersion(en, version({}), 'en')).toBe('Saved automatically')
    expect(describeCounts(nl, version({}))).toBe('12 stickies, 3 vellen, 2 verbindingen')
    expect(describeCounts(en, version({ counts: { stickies: 1, sheets: 1, links: 0 } }))).toBe('1 sticky, 1 sheet, 0 links')
  })
})
