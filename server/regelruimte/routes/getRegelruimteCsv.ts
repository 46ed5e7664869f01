import type { Router } from 'express'
import { callerOf } from '../../access/authState'
import type { RegelruimteContext } from '../RegelruimteContext'
import { loadRegister } from '../loadRegister'
import { registerQuery } from '../registerQuery'
import { renderRegisterCsv } from '../renderRegisterCsv'

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
