import type { Router } from 'express'
import { REGISTER_SCHEMA_VERSION, registerSchema, type Register } from '../../../shared/regelruimte'
import { callerOf } from '../../access/authState'
import type { RegelruimteContext } from '../RegelruimteContext'
import { loadRegister } from '../loadRegister'
import { registerQuery } from '../registerQuery'
import { safeDeep } from '../../../shared/safeText'

/** GET /api/regelruimte.json → the register across the sessions the caller sees (SPEC R1–R3, P12). */
export function getRegelruimteJsonRoute(router: Router, ctx: RegelruimteContext): void {
  router.get('/regelruimte.json', ctx.authorize('regelruimte:read'), async (req, res) => {
    const query = registerQuery(req)
    const register: Register = registerSchema.parse({ schemaVersion: REGISTER_SCHEMA_VERSION, rows: safeDeep(await loadRegister(ctx, callerOf(res), query)) })
    res.json(register)
  })
}
