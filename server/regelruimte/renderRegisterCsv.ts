/**
 * The register as CSV for Dutch Excel (SPEC R4): semicolon-separated (the
 * list separator of a Dutch Windows locale, where the comma is the decimal
 * sign, so Excel splits the columns on opening the file), with a UTF-8 byte
 * order mark (without it Excel reads the bytes as Windows-1252 and garbles
 * "coördinator"), CRLF line ends, quotes only where needed (a cell holding
 * ; " or a line break). A cell starting with = + - @ tab or CR gets a
 * leading ' so Excel never runs it as a formula (CSV injection). Lists in a
 * cell are joined with " | ". Times are local to the Netherlands. The same
 * rows give the same bytes.
 */
import { stringify } from 'csv-stringify/sync'
import type { Language } from '../../shared/dates'
import type { RegisterRow, StatusChange } from '../../shared/regelruimte'
import { safeDeep } from '../../shared/safeText'

const COLUMNS: readonly { key: string; nl: string; en: string; value: (r: RegisterRow) => string }[] = [
  { key: 'themagroep', nl: 'Themagroep', en: 'Themagroep', value: (r) => r.themagroep },
  { key: 'sessie', nl: 'Sessie', en: 'Session', value: (r) => r.sessionTitle },
  { key: 'datum', nl: 'Datum sessie', en: 'Session date', value: (r) => r.sessionDate ?? '' },
  { key: 'nummer', nl: 'Nummer', en: 'Number', value: (r) => r.nummer },
  { key: 'verzoek', nl: 'Verzoek', en: 'Request', value: (r) => r.text },
  { key: 'gevraagdeRuimte', nl: 'Gevraagde ruimte', en: 'Room asked for', value: (r) => r.gevraagdeRuimte ?? '' },
  { key: 'regeling', nl: 'Regeling', en: 'Rule', value: (r) => r.regeling ?? '' },
  { key: 'adressaat', nl: 'Adressaat', en: 'Addressee', value: (r) => r.adressaat ?? '' },
  { key: 'indiener', nl: 'Indiener', en: 'Submitted by', value: (r) => r.indiener ?? '' },
  { key: 'status', nl: 'Status', en: 'Status', value: (r) => r.status },
  { key: 'statusSinds', nl: 'Status sinds', en: 'Status since', value: (r) => lastChange(r) },
  { key: 'conclusies', nl: 'Volgt uit (conclusies)', en: 'Follows from (conclusions)', value: (r) => r.conclusies.join(LIST) },
  { key: 'factoren', nl: 'Factoren', en: 'Factors', value: (r) => r.factoren.join(LIST) },
  { key: 'geschiedenis', nl: 'Statusgeschiedenis', en: 'Status history', value: (r) => r.history.map(describe).join(LIST) },
  { key: 'sessieId', nl: 'Sessie-id', en: 'Session id', value: (r) => r.sessionId },
  { key: 'stickyId', nl: 'Sticky-id', en: 'Sticky id', value: (r) => r.stickyId },
]

const LIST = ' | '

const LOCAL_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** "2026-06-22T10:05:00Z" → "2026-06-22 12:05" (Europe/Amsterdam); anything else unchanged. */
export function localTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : LOCAL_TIME.format(date)
}

function lastChange(r: RegisterRow): string {
  const last = r.history[r.history.length - 1]
  return last && last.to === r.status ? localTime(last.at) : ''
}

function describe(c: StatusChange): string {
  return `${localTime(c.at)} ${c.from === null ? c.to : `${c.from} → ${c.to}`} (${c.actorName})`
}

export function renderRegisterCsv(unsafe: readonly RegisterRow[], lang: Language = 'nl'): string {
  // L10: no character a spreadsheet cannot hold (shared/safeText.ts).
  const rows = safeDeep(unsafe)
  return stringify(
    rows.map((row) => Object.fromEntries(COLUMNS.map((c) => [c.key, c.value(row)]))),
    {
      header: true,
      columns: COLUMNS.map((c) => ({ key: c.key, header: c[lang] })),
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  )
}
