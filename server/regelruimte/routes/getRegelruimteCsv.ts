import type { Router } from 'express'
import { callerOf } from '../../access/authState'
import type { RegelruimteContext } from '../RegelruimteContext'
import { loadRegister } from '../loadRegister'
import { registerQuery } from '../registerQuery'
import { renderRegisterCsv, renderRegisterXlsx } from '../renderRegisterCsv'

/** GET /api/regelruimte.csv → the register as a CSV download for Dutch Excel (SPEC R4). */
export function getRegelruimteCsvRoute(router: Router, ctx: RegelruimteContext): void {
  router.get('/regelruimte.csv', ctx.authorize('regelruimte:read'), async (req, res) => {
    const query = registerQuery(req)
    const csv = renderRegisterCsv(await loadRegister(ctx, callerOf(res), query), query.language)
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="regelruimte-register.csv"')
      .send(csv)
  })
}

/** GET /api/regelruimte.xlsx → the register as an Excel workbook (SPEC R9), with the filters of R3. */
export function getRegelruimteXlsxRoute(router: Router, ctx: RegelruimteContext): void {
  router.get('/regelruimte.xlsx', ctx.authorize('regelruimte:read'), async (req, res) => {
    const query = registerQuery(req)
    const rows = await loadRegister(ctx, callerOf(res), query)
    const latest = rows.flatMap((r) => [r.sessionDate ?? '', ...r.history.map((h) => h.at.slice(0, 10))]).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().at(-1)
    const xlsx = await renderRegisterXlsx(rows, query.language, new Date(`${latest ?? '2000-01-01'}T00:00:00Z`))
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', 'attachment; filename="regelruimte-register.xlsx"')
      .send(xlsx)
  })
}
