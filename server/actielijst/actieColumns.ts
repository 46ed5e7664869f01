/** The columns of the actielijst in CSV and .xlsx (SPEC A5). */
import type { ActieRow } from '../../shared/actielijst'
import type { Column } from '../exports/spreadsheet'

const time = (r: ActieRow) => [r.tijdVan, r.tijdTot].filter((t) => t !== '').join('–')

export const ACTIE_COLUMNS: readonly Column<ActieRow>[] = [
  { key: 'wat', nl: 'Wat', en: 'What', width: 60, value: (r) => r.wat },
  { key: 'wie', nl: 'Wie', en: 'Who', width: 24, value: (r) => r.wie },
  { key: 'wanneer', nl: 'Wanneer', en: 'When', width: 12, kind: 'date', value: (r) => r.wanneer },
  { key: 'tijd', nl: 'Tijd', en: 'Time', width: 12, value: time },
  { key: 'waar', nl: 'Waar', en: 'Where', width: 28, value: (r) => r.waar },
  { key: 'status', nl: 'Status', en: 'Status', width: 11, value: (r) => r.status },
  { key: 'teLaat', nl: 'Te laat', en: 'Overdue', width: 9, value: (r) => (r.overdue ? 'ja' : '') },
  { key: 'statusSinds', nl: 'Status sinds', en: 'Status since', width: 17, kind: 'datetime', value: (r) => r.statusSince },
  { key: 'sessie', nl: 'Sessie', en: 'Session', width: 40, value: (r) => r.sessionTitle },
  { key: 'sessieDatum', nl: 'Datum sessie', en: 'Session date', width: 13, kind: 'date', value: (r) => r.sessionDate },
  { key: 'overgenomen', nl: 'Overgenomen in', en: 'Carried over to', width: 30, value: (r) => r.carriedTo?.sessionTitle ?? '' },
  { key: 'themagroep', nl: 'Themagroep', en: 'Themagroep', width: 30, value: (r) => r.themagroep },
  { key: 'sessieId', nl: 'Sessie-id', en: 'Session id', width: 14, value: (r) => r.sessionId },
  { key: 'stickyId', nl: 'Sticky-id', en: 'Sticky id', width: 22, value: (r) => r.stickyId },
]
