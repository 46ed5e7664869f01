/**
 * The register as CSV for Dutch Excel (SPEC R4): semicolon-separated (the
 * list separator of a Dutch Windows locale, where the comma is the decimal
 * sign, so Excel splits the columns on opening the file), with a UTF-8 byte
 * order mark (without it Excel reads the bytes as Windows-1252 and garbles
 * "coördinator"), CRLF line ends, quotes only where needed (a cell holding
 * ; " or a line break). A cell starting with = + - @ tab or CR gets a
 * leading ' so Excel never runs it as a formula (CSV injection). Lists in a
 * cell are joined with " | ". Times are local to the Netherlands. The same
 * rows give the same bytes. The columns are shared with the .xlsx (R9).
 */
import type { Language } from '../../shared/dates'
import type { RegisterRow, StatusChange } from '../../shared/regelruimte'
import { amsterdamTime, toCsv, toXlsx, type Column } from '../exports/spreadsheet'

/** "2026-06-22T10:05:00Z" → "2026-06-22 12:05" (Europe/Amsterdam); anything else unchanged. */
export const localTime = amsterdamTime

const LIST = ' | '

/** When the request got its current status, or null. */
function lastChange(r: RegisterRow): string | null {
  const last = r.history[r.history.length - 1]
  return last && last.to === r.status ? last.at : null
}

function describe(c: StatusChange): string {
  return `${localTime(c.at)} ${c.from === null ? c.to : `${c.from} → ${c.to}`} (${c.actorName})`
}

/** The register's columns, one list for CSV (R4) and .xlsx (R9). */
export const REGISTER_COLUMNS: readonly Column<RegisterRow>[] = [
  { key: 'themagroep', nl: 'Themagroep', en: 'Themagroep', width: 30, value: (r) => r.themagroep },
  { key: 'sessie', nl: 'Sessie', en: 'Session', width: 36, value: (r) => r.sessionTitle },
  { key: 'datum', nl: 'Datum sessie', en: 'Session date', width: 13, kind: 'date', value: (r) => r.sessionDate ?? '' },
  { key: 'nummer', nl: 'Nummer', en: 'Number', width: 8, value: (r) => r.nummer },
  { key: 'verzoek', nl: 'Verzoek', en: 'Request', width: 50, value: (r) => r.text },
  { key: 'gevraagdeRuimte', nl: 'Gevraagde ruimte', en: 'Room asked for', width: 40, value: (r) => r.gevraagdeRuimte ?? '' },
  { key: 'regeling', nl: 'Regeling', en: 'Rule', width: 28, value: (r) => r.regeling ?? '' },
  { key: 'adressaat', nl: 'Adressaat', en: 'Addressee', width: 14, value: (r) => r.adressaat ?? '' },
  { key: 'indiener', nl: 'Indiener', en: 'Submitted by', width: 20, value: (r) => r.indiener ?? '' },
  { key: 'status', nl: 'Status', en: 'Status', width: 14, value: (r) => r.status },
  { key: 'statusSinds', nl: 'Status sinds', en: 'Status since', width: 17, kind: 'datetime', value: lastChange },
  { key: 'conclusies', nl: 'Volgt uit (conclusies)', en: 'Follows from (conclusions)', width: 50, value: (r) => r.conclusies.join(LIST) },
  { key: 'factoren', nl: 'Factoren', en: 'Factors', width: 50, value: (r) => r.factoren.join(LIST) },
  { key: 'geschiedenis', nl: 'Statusgeschiedenis', en: 'Status history', width: 50, value: (r) => r.history.map(describe).join(LIST) },
  { key: 'sessieId', nl: 'Sessie-id', en: 'Session id', width: 14, value: (r) => r.sessionId },
  { key: 'stickyId', nl: 'Sticky-id', en: 'Sticky id', width: 22, value: (r) => r.stickyId },
]

export function renderRegisterCsv(rows: readonly RegisterRow[], lang: Language = 'nl'): string {
  // L10: every cell passes the one sanitiser (shared/safeText.ts) in toCsv.
  return toCsv(rows, REGISTER_COLUMNS, lang)
}

/** The register as an Excel workbook (R9): the same columns, dates as dates, header frozen and filtered. */
export function renderRegisterXlsx(rows: readonly RegisterRow[], lang: Language, date: Date): Promise<Buffer> {
  return toXlsx(rows, REGISTER_COLUMNS, lang, { sheetName: 'Regelruimte', title: 'Regelruimteregister', date })
}
