/**
 * Conclusies of earlier sessions of the same themagroep (SPEC R13, R14):
 * listed for a later session, and taken over into it as a new conclusie
 * whose `meta.herkomst` names where it came from, so the register's evidence
 * chain can follow it back (R15). For the secretariaat and coördinatoren of
 * the later session; only sessions the caller sees in the register (R11) are
 * read, and a session of another themagroep is as unknown as a missing one.
 */
import type { Router } from 'express'
import type { SessionSummary } from '../../../shared/api'
import { isEarlierSession, takeOverBodySchema, type EarlierConclusie, type EarlierConclusies, type TakeOverResponse } from '../../../shared/herkomst'
import { parseStickyMeta } from '../../../shared/boardModel'
import { sameThemagroep } from '../../../shared/themagroepName'
import { addSticky, allRecords, readSessionInfo } from '../../../shared/ydoc'
import { callerOf } from '../../access/authState'
import { authorOf } from '../../access/authorOf'
import { findSession } from '../../access/findSession'
import { canSeeInRegister } from '../../access/policy'
import { HttpError, parseBody } from '../../core/http/errors'
import { ActorOrigin } from '../../core/origins'
import { chainSessionOf, shapeIdOf } from '../herkomstChain'
import { ownThemagroepOf } from '../loadRegister'
import { readSessionDoc } from '../readSessionDoc'
import type { RegelruimteContext } from '../RegelruimteContext'

/** The sheet a taken-over conclusie goes to (made when missing): a sheet of conclusies is their section in the verslag (V19). */
export const TAKE_OVER_SHEET = 'Conclusies'

const herkomstKey = (sessionId: string, stickyId: string) => `${sessionId}\u0000${shapeIdOf(stickyId)}`

/** The herkomst of every sticky of a document, as keys. */
function takenOverIn(records: ReturnType<typeof allRecords>): Set<string> {
  const keys = new Set<string>()
  for (const r of records) {
    if (r.typeName !== 'shape' || r.type !== 'note') continue
    const herkomst = parseStickyMeta(r.meta).herkomst
    if (herkomst) keys.add(herkomstKey(herkomst.sessionId, herkomst.stickyId))
  }
  return keys
}

const order = (a: EarlierConclusie, b: EarlierConclusie): number => {
  // Newest session first (undated last), then title and id; reading order within a session is kept (stable sort).
  if (a.sessionDate !== b.sessionDate) {
    if (a.sessionDate === null) return 1
    if (b.sessionDate === null) return -1
    return a.sessionDate > b.sessionDate ? -1 : 1
  }
  if (a.sessionTitle !== b.sessionTitle) return a.sessionTitle < b.sessionTitle ? -1 : 1
  return a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0
}

export function conclusieHerkomstRoutes(router: Router, ctx: RegelruimteContext): void {
  /** The other sessions of this session's themagroep that the caller sees in the register. */
  async function siblingsOf(session: SessionSummary, res: Parameters<typeof callerOf>[0]): Promise<SessionSummary[]> {
    const actor = callerOf(res)
    const own = await ownThemagroepOf(ctx, actor)
    return (await ctx.storage.sessions.list()).filter((s) => s.id !== session.id && sameThemagroep(s.themagroep, session.themagroep) && canSeeInRegister(actor, s, own))
  }

  // R14: the conclusies of the themagroep's earlier sessions, each marked when this session took it over already.
  router.get('/sessions/:id/conclusies/eerder', ctx.authorize('conclusie:earlier'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const here = await readSessionDoc(ctx.rooms, ctx.storage.docs, ctx.log, session.id, (doc) => ({
      date: readSessionInfo(doc)?.date ?? session.date,
      taken: takenOverIn(allRecords(doc)),
    }))
    const conclusies: EarlierConclusie[] = []
    for (const other of await siblingsOf(session, res)) {
      let chain
      try {
        chain = await readSessionDoc(ctx.rooms, ctx.storage.docs, ctx.log, other.id, (doc) => chainSessionOf(doc, other))
      } catch (err) {
        ctx.log.error({ err, room: other.id }, 'could not read a session for its conclusies; leaving it out')
        continue
      }
      if (!isEarlierSession({ id: chain.id, date: chain.date }, { id: session.id, date: here.date ?? null })) continue
      for (const [stickyId, c] of chain.conclusies) {
        if (c.text.trim() === '') continue
        conclusies.push({
          sessionId: chain.id,
          sessionTitle: chain.title,
          sessionDate: chain.date,
          stickyId,
          text: c.text,
          factoren: c.factoren,
          takenOver: here.taken.has(herkomstKey(chain.id, stickyId)),
        })
      }
    }
    const body: EarlierConclusies = { conclusies: conclusies.sort(order) }
    res.json(body)
  })

  // R13: take a conclusie of another session of the themagroep over into this one.
  router.post('/sessions/:id/conclusies/overnemen', ctx.authorize('conclusie:takeOver'), async (req, res) => {
    const session = await findSession(ctx.storage.sessions, req.params.id)
    const body = parseBody(takeOverBodySchema, req)
    const actor = callerOf(res)
    if (body.fromSessionId === session.id) throw new HttpError(400, 'invalid_body', 'Kies een conclusie uit een andere sessie dan deze.')
    const origin = (await siblingsOf(session, res)).find((s) => s.id === body.fromSessionId)
    if (!origin) throw new HttpError(404, 'session_not_found', 'De sessie om de conclusie uit over te nemen hoort niet bij deze themagroep (session not found).')
    const stickyId = shapeIdOf(body.stickyId)
    const conclusie = await readSessionDoc(ctx.rooms, ctx.storage.docs, ctx.log, origin.id, (doc) => chainSessionOf(doc, origin).conclusies.get(stickyId))
    if (!conclusie || conclusie.text.trim() === '') {
      throw new HttpError(404, 'conclusie_not_found', 'Deze conclusie staat niet (meer) in die sessie (no such conclusie).')
    }
    const author = authorOf(actor, undefined)
    const added = await ctx.rooms.withRoom(session.id, (room) => {
      // Checked and added in one synchronous step: two requests at once make one sticky.
      if (takenOverIn(allRecords(room.doc)).has(herkomstKey(origin.id, stickyId))) return null
      return room.transact(
        (doc) =>
          addSticky(doc, {
            text: conclusie.text,
            tag: 'conclusie',
            sheet: TAKE_OVER_SHEET,
            ...(author ? { author } : {}),
            extraMeta: { herkomst: { sessionId: origin.id, stickyId } },
          }),
        new ActorOrigin(actor),
      )
    })
    if (!added) throw new HttpError(409, 'already_taken_over', 'Deze conclusie is al overgenomen in deze sessie.')
    await ctx.access.audit(actor, 'conclusie.overnemen', { sessionId: session.id, themagroep: session.themagroep, detail: conclusie.text.slice(0, 80) })
    const answer: TakeOverResponse = { sessionId: session.id, stickyId: added.id }
    res.status(201).json(answer)
  })
}
