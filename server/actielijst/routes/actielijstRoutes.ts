/**
 * The actielijst routes (SPEC A1–A8). Reading and changing are for accounts
 * that are members of the themagroep (coördinatoren and secretariaat) and the
 * admin; the calendar feed is public behind its secret link.
 */
import type { Request, Response, Router } from 'express'
import {
  actieStatusBodySchema,
  actielijstSchema,
  carryOverBodySchema,
  type ActieRow,
  type ActieStatus,
  type Actielijst,
} from '../../../shared/actielijst'
import type { Language } from '../../../shared/dates'
import { sameThemagroep, themagroepKey } from '../../../shared/themagroepName'
import { addSticky, readSessionInfo } from '../../../shared/ydoc'
import { callerOf } from '../../access/authState'
import { hashToken, newToken } from '../../access/tokens'
import { HttpError, parseBody } from '../../core/http/errors'
import { ActorOrigin } from '../../core/origins'
import { publicOrigin } from '../../access/publicOrigin'
import { canSeeSession } from '../../access/policy'
import { actorId, actorName } from '../../access/Actor'
import { toCsv, toXlsx } from '../../exports/spreadsheet'
import type { ActielijstContext } from '../ActielijstContext'
import { ACTIE_COLUMNS } from '../actieColumns'
import { renderActielijstIcs } from '../renderActielijstIcs'
import { ALL_ROWS, loadActielijst, type ActielijstQuery } from '../loadActielijst'

const STATUSES = new Set<string>(['open', 'gedaan', 'vervallen'])

function queryOf(req: Request): ActielijstQuery {
  const raw = ([] as unknown[]).concat(req.query.status ?? []).flatMap((s) => String(s).split(','))
  const wanted = raw.map((s) => s.trim()).filter((s) => s !== '')
  const unknown = wanted.filter((s) => !STATUSES.has(s))
  if (unknown.length > 0) throw new HttpError(400, 'invalid_query', `Onbekende status: ${unknown.join(', ')} (kies open, gedaan of vervallen)`)
  const q = typeof req.query.q === 'string' ? req.query.q : ''
  return {
    statuses: wanted.length > 0 ? (wanted as ActieStatus[]) : null,
    search: q.toLocaleLowerCase('nl').split(/\s+/).filter((w) => w !== '').slice(0, 20),
    overdueOnly: req.query.overdue === '1' || req.query.overdue === 'true',
  }
}

const languageOf = (req: Request): Language => (req.query.lang === 'en' ? 'en' : 'nl')

/** A file name from the themagroep: letters, digits and dashes only. */
const fileBase = (themagroep: string) =>
  `actielijst-${themagroep.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'themagroep'}`

export function actielijstRoutes(router: Router, ctx: ActielijstContext): void {
  async function list(req: Request, res: Response): Promise<Actielijst> {
    const themagroep = String(req.params.name)
    const { today, rows } = await loadActielijst(ctx, themagroep, queryOf(req))
    // Only the sessions the caller sees (P4): a member sees the whole themagroep, the admin everything.
    const actor = callerOf(res)
    const visible = rows.filter((r) => canSeeSession(actor, { id: r.sessionId, themagroep: r.themagroep }))
    return actielijstSchema.parse({ schemaVersion: 1, themagroep, today, rows: visible })
  }

  router.get('/themagroepen/:name/actielijst.json', ctx.authorize('actielijst:read'), async (req, res) => {
    res.json(await list(req, res))
  })

  router.get('/themagroepen/:name/actielijst.csv', ctx.authorize('actielijst:read'), async (req, res) => {
    const lijst = await list(req, res)
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${fileBase(lijst.themagroep)}.csv"`)
      .send(toCsv(lijst.rows, ACTIE_COLUMNS, languageOf(req)))
  })

  router.get('/themagroepen/:name/actielijst.xlsx', ctx.authorize('actielijst:read'), async (req, res) => {
    const lijst = await list(req, res)
    const xlsx = await toXlsx(lijst.rows, ACTIE_COLUMNS, languageOf(req), {
      sheetName: 'Actielijst',
      title: `Actielijst ${lijst.themagroep}`,
      date: new Date(`${lijst.today}T00:00:00Z`),
    })
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="${fileBase(lijst.themagroep)}.xlsx"`)
      .send(xlsx)
  })

  /** The row of one afspraak of the themagroep, or 404. */
  async function rowOf(req: Request): Promise<ActieRow> {
    const themagroep = String(req.params.name)
    const rawSticky = String(req.params.stickyId)
    const stickyId = rawSticky.startsWith('shape:') ? rawSticky : `shape:${rawSticky}`
    const { rows } = await loadActielijst(ctx, themagroep, ALL_ROWS)
    const row = rows.find((r) => r.sessionId === req.params.sessionId && r.stickyId === stickyId)
    if (!row) throw new HttpError(404, 'afspraak_not_found', 'Deze afspraak staat niet (meer) in de actielijst van deze themagroep (no such afspraak).')
    return row
  }

  // A4: set the status; the change is kept with who and when.
  router.patch('/themagroepen/:name/actielijst/:sessionId/:stickyId', ctx.authorize('actielijst:update'), async (req, res) => {
    const { status } = parseBody(actieStatusBodySchema, req)
    const row = await rowOf(req)
    const actor = callerOf(res)
    const changed = row.status !== status
    if (changed) {
      await ctx.actielijst.addStatus({
        sessionId: row.sessionId,
        stickyId: row.stickyId,
        from: row.status,
        to: status,
        at: new Date().toISOString(),
        actor: actorId(actor),
        actorName: actorName(actor),
        detail: '',
      })
      await ctx.access.audit(actor, 'actielijst.status', { sessionId: row.sessionId, themagroep: row.themagroep, detail: `${row.status} → ${status}: ${row.wat.slice(0, 80)}` })
    }
    res.json({ changed, row: await rowOf(req) })
  })

  // A6: carry an afspraak over into a later session of the same themagroep.
  router.post('/themagroepen/:name/actielijst/:sessionId/:stickyId/carry', ctx.authorize('actielijst:update'), async (req, res) => {
    const { toSessionId } = parseBody(carryOverBodySchema, req)
    const row = await rowOf(req)
    if (row.carriedTo) throw new HttpError(409, 'already_carried_over', `Deze afspraak is al overgenomen in "${row.carriedTo.sessionTitle}".`)
    const target = await ctx.sessions.get(toSessionId)
    const actor = callerOf(res)
    if (!target || !sameThemagroep(target.themagroep, row.themagroep) || !canSeeSession(actor, target)) {
      throw new HttpError(404, 'session_not_found', 'De sessie om de afspraak in over te nemen hoort niet bij deze themagroep (session not found).')
    }
    if (target.id === row.sessionId) throw new HttpError(400, 'invalid_body', 'Kies een andere sessie dan die waarin de afspraak is gemaakt.')
    const now = new Date()
    const added = await ctx.rooms.withRoom(target.id, (room) =>
      room.transact(
        (doc) =>
          addSticky(doc, {
            text: row.wat,
            tag: 'afspraak',
            sheet: 'Vervolgafspraken',
            extraMeta: {
              ...(row.wie ? { wie: row.wie } : {}),
              ...(row.wanneer ? { wanneer: row.wanneer } : {}),
              ...(row.tijdVan ? { tijdVan: row.tijdVan } : {}),
              ...(row.tijdTot ? { tijdTot: row.tijdTot } : {}),
              ...(row.waar ? { waar: row.waar } : {}),
            },
            now,
          }),
        new ActorOrigin(actor),
      ),
    )
    await ctx.actielijst.addCarryOver({ fromSessionId: row.sessionId, fromStickyId: row.stickyId, toSessionId: target.id, toStickyId: added.id, at: now.toISOString() })
    if (row.status === 'open') {
      const title = (await ctx.rooms.withRoom(target.id, (room) => readSessionInfo(room.doc)?.title)) ?? target.title
      await ctx.actielijst.addStatus({
        sessionId: row.sessionId,
        stickyId: row.stickyId,
        from: 'open',
        to: 'vervallen',
        at: now.toISOString(),
        actor: actorId(actor),
        actorName: actorName(actor),
        detail: `overgenomen in ${title}`,
      })
    }
    await ctx.access.audit(actor, 'actielijst.carry', { sessionId: target.id, themagroep: row.themagroep, detail: row.wat.slice(0, 80) })
    res.status(201).json({ sessionId: target.id, stickyId: added.id })
  })

  // A8: a secret calendar link per themagroep; asking again makes a new one and the old one stops working.
  router.post('/themagroepen/:name/actielijst/feed', ctx.authorize('actielijst:update'), async (req, res) => {
    const themagroep = String(req.params.name)
    const token = newToken()
    await ctx.actielijst.setFeed(themagroepKey(themagroep), themagroep, hashToken(token), new Date().toISOString())
    await ctx.access.audit(callerOf(res), 'actielijst.feed', { themagroep })
    const origin = publicOrigin(req, ctx.publicUrl)
    res.status(201).json({ url: `${origin}/api/actielijst/${token}.ics` })
  })

  router.get('/actielijst/:file', ctx.authorize('actielijst:feed'), async (req, res) => {
    const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(String(req.params.file))
    const themagroep = match?.[1] ? await ctx.actielijst.feedByHash(hashToken(match[1])) : null
    if (!themagroep) throw new HttpError(404, 'feed_not_found', 'Deze agendalink bestaat niet (meer); vraag de secretariaat om een nieuwe (calendar link not found).')
    const { rows } = await loadActielijst(ctx, themagroep, { ...ALL_ROWS, statuses: ['open'] })
    res
      .type('text/calendar; charset=utf-8')
      .set('Cache-Control', 'private, max-age=300')
      .send(renderActielijstIcs(themagroep, rows))
  })
}
