/**
 * One table, two spreadsheet formats (SPEC A5, R9): CSV written for Dutch
 * Excel (as the register's R4: `;`, a byte order mark, CRLF, formulas
 * defused) and .xlsx (exceljs, loaded on first use): real columns with
 * widths, dates as dates, a bold header row that is frozen and filtered.
 * Text passes the one sanitiser of every export (shared/safeText.ts).
 */
import { stringify } from 'csv-stringify/sync'
import type { Language } from '../../shared/dates'
import { onFirstUse } from '../../shared/onFirstUse'
import { safeText } from '../../shared/safeText'

export type CellValue = string | number | null
/** `date`: an ISO date (yyyy-mm-dd); `datetime`: an ISO timestamp shown in Europe/Amsterdam. */
export type ColumnKind = 'text' | 'date' | 'datetime'

export interface Column<R> {
  key: string
  nl: string
  en: string
  /** Width in characters (xlsx). */
  width: number
  kind?: ColumnKind
  value(row: R): CellValue
}

// Made on first use: a time zone's format pages in ICU data (SPEC X18).
const local = onFirstUse(
  () =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }),
)

/** "2026-06-22T10:05:00Z" → "2026-06-22 12:05" (Europe/Amsterdam); anything else unchanged. */
export function amsterdamTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : local().format(date)
}

function text(value: CellValue, kind: ColumnKind): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  return kind === 'datetime' ? amsterdamTime(value) : safeText(value)
}

export function toCsv<R>(rows: readonly R[], columns: readonly Column<R>[], lang: Language): string {
  return stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, text(c.value(row), c.kind ?? 'text')]))),
    {
      header: true,
      columns: columns.map((c) => ({ key: c.key, header: c[lang] })),
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  )
}

/** A date or timestamp as the Date Excel shows as that wall-clock time (Excel dates have no zone). */
function excelDate(value: string, kind: 'date' | 'datetime'): Date | string {
  const wall = kind === 'date' ? value : amsterdamTime(value)
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(wall)
  if (!m) return safeText(value)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)))
}

export interface XlsxOptions {
  sheetName: string
  title: string
  /** The file's creation and modification date (deterministic output). */
  date: Date
}

export async function toXlsx<R>(rows: readonly R[], columns: readonly Column<R>[], lang: Language, opts: XlsxOptions): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Brownpaper'
  workbook.title = safeText(opts.title)
  workbook.created = opts.date
  workbook.modified = opts.date
  const sheet = workbook.addWorksheet(safeText(opts.sheetName).replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Blad1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  sheet.columns = columns.map((c) => ({
    header: c[lang],
    key: c.key,
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'dd-mm-yyyy' } : c.kind === 'datetime' ? { numFmt: 'dd-mm-yyyy hh:mm' } : {},
  }))
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const value = c.value(row)
          const kind = c.kind ?? 'text'
          if (value === null || value === '') return [c.key, null]
          if (typeof value === 'number') return [c.key, value]
          return [c.key, kind === 'text' ? safeText(value) : excelDate(value, kind)]
        }),
      ),
    )
  }
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
