import type { Request, Router } from 'express'
import type { AuditEntry } from '../../../shared/access'
import { describeAudit } from '../../../shared/auditWords'
import { amsterdamTime, toCsv, type Column } from '../../exports/spreadsheet'
import type { AccessContext } from '../AccessContext'
import { actorId } from '../Actor'
import { callerOf } from '../authState'

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** G11: filters by session, person (name or actor id, contained, case-insensitive) and action. */
function filtersOf(req: Request): (e: AuditEntry) => boolean {
  const sessionId = str(req.query.sessionId)
  const person = str(req.query.person).toLocaleLowerCase('nl')
  const action = str(req.query.action)
  return (e) =>
    (!sessionId || e.sessionId === sessionId) &&
    (!action || e.action === action) &&
    (!person || e.actorName.toLocaleLowerCase('nl').includes(person) || e.actor.toLocaleLowerCase('nl') === person)
}

async function entriesFor(req: Request, res: Parameters<typeof callerOf>[0], ctx: AccessContext, limit: number): Promise<AuditEntry[]> {
  const actor = callerOf(res)
  // Filters run on the newest 5000 the caller may see.
  const visible =
    actor.kind === 'user'
      ? await ctx.access.stores.audit.list({ themagroepen: actor.themagroepen, actor: actorId(actor), limit: 5000 })
      : await ctx.access.stores.audit.list({ limit: 5000 })
  return visible.filter(filtersOf(req)).slice(0, limit)
}

const AUDIT_COLUMNS: readonly Column<{ entry: AuditEntry; text: string }>[] = [
  { key: 'tijd', nl: 'Tijd', en: 'Time', width: 18, value: (r) => amsterdamTime(r.entry.at) },
  { key: 'wat', nl: 'Wat', en: 'What', width: 60, value: (r) => r.text },
  { key: 'wie', nl: 'Wie', en: 'Who', width: 24, value: (r) => r.entry.actorName },
  { key: 'themagroep', nl: 'Themagroep', en: 'Themagroep', width: 30, value: (r) => r.entry.themagroep ?? '' },
  { key: 'sessie', nl: 'Sessie', en: 'Session', width: 20, value: (r) => r.entry.sessionId ?? '' },
  { key: 'actie', nl: 'Actie', en: 'Action', width: 20, value: (r) => r.entry.action },
  { key: 'detail', nl: 'Detail', en: 'Detail', width: 40, value: (r) => r.entry.detail },
]

/**
 * GET /api/audit?limit=&sessionId=&person=&action= → newest entries first: all for the admin, own themagroepen and own actions for a coördinator (P11, G11).
 * GET /api/audit.csv (same filters, ?lang=en) → the same entries in words as CSV for Excel (G12).
 */
export function auditLogRoute(router: Router, ctx: AccessContext): void {
  router.get('/audit', ctx.authorize('audit:read'), async (req, res) => {
    const requested = Number(req.query.limit)
    const limit = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 1000) : 200
    res.json(await entriesFor(req, res, ctx, limit))
  })
  router.get('/audit.csv', ctx.authorize('audit:read'), async (req, res) => {
    const lang = req.query.lang === 'en' ? 'en' : 'nl'
    const entries = await entriesFor(req, res, ctx, 5000)
    const csv = toCsv(entries.map((entry) => ({ entry, text: describeAudit(entry, lang) })), AUDIT_COLUMNS, lang)
    res.setHeader('content-type', 'text/csv; charset=utf-8')
    res.setHeader('content-disposition', `attachment; filename="${lang === 'nl' ? 'auditlog' : 'audit-log'}.csv"`)
    res.send(csv)
  })
}
