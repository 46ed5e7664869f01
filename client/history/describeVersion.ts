import type { HistoryVersionSummary } from '../../shared/history'
import type { MessageKey } from '../i18n/nl'
import type { MessageParams } from '../i18n/translate'

type T = (key: MessageKey, params?: MessageParams) => string

/** One readable sentence for why a version was taken ("Vlak voordat Piet 27 onderdelen tegelijk verwijderde"). */
export function describeVersion(t: T, version: HistoryVersionSummary): string {
  const who = version.actorNames.join(', ')
  const detail = version.detail ?? ''
  switch (version.kind) {
    case 'periodic':
      return who ? t('history.kind.periodicBy', { who }) : t('history.kind.periodic')
    case 'before-delete':
      return who ? t('history.kind.before-deleteBy', { who, count: detail }) : t('history.kind.before-delete', { count: detail })
    case 'vaststelling':
      return t('history.kind.vaststelling', { detail })
    case 'phase':
      return t('history.kind.phase', { detail })
    case 'before-restore':
      return who ? t('history.kind.before-restoreBy', { who, detail }) : t('history.kind.before-restore', { detail })
  }
}

export function describeCounts(t: T, version: HistoryVersionSummary): string {
  return t('history.counts', { ...version.counts })
}
