import { PHASE_INFO, phaseSchema } from '../../shared/facilitation'
import type { HistoryVersionSummary } from '../../shared/history'
import type { Language } from '../i18n/dictionaries'
import type { MessageKey } from '../i18n/nl'
import type { MessageParams } from '../i18n/translate'

type T = (key: MessageKey, params?: MessageParams) => string

/** One readable sentence for why a version was taken ("Vlak voordat Piet 27 onderdelen tegelijk verwijderde"). */
export function describeVersion(t: T, version: HistoryVersionSummary, language: Language): string {
  const who = version.actorNames.join(', ')
  const detail = version.detail ?? ''
  switch (version.kind) {
    case 'periodic':
      return who ? t('history.kind.periodicBy', { who }) : t('history.kind.periodic')
    case 'before-delete':
      return who ? t('history.kind.before-deleteBy', { who, count: detail }) : t('history.kind.before-delete', { count: detail })
    case 'vaststelling':
      return t('history.kind.vaststelling', { detail })
    case 'phase': {
      const phase = phaseSchema.safeParse(detail)
      return t('history.kind.phase', { detail: phase.success ? PHASE_INFO[phase.data].label[language] : detail })
    }
    case 'before-restore':
      return who ? t('history.kind.before-restoreBy', { who, detail }) : t('history.kind.before-restore', { detail })
  }
}

/** "12 stickies, 1 vel, 2 verbindingen": singular and plural per count. */
export function describeCounts(t: T, version: HistoryVersionSummary): string {
  const { stickies, sheets, links } = version.counts
  return t('history.counts', {
    stickies: stickies === 1 ? t('history.count.sticky') : t('history.count.stickies', { count: stickies }),
    sheets: sheets === 1 ? t('history.count.sheet') : t('history.count.sheets', { count: sheets }),
    links: links === 1 ? t('history.count.link') : t('history.count.links', { count: links }),
  })
}
