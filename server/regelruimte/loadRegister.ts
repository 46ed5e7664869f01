/**
 * The register across every session the caller sees (SPEC R1–R3): sessions
 * filtered by the policy (P4, P12) and the query, each session's requests
 * taken from its verslag model, built from its document read without
 * opening a room (readSessionDoc), in the register's fixed order.
 */
import { sameThemagroep } from '../../shared/themagroepName'
import type { RegisterRow } from '../../shared/regelruimte'
import type { Actor } from '../access/Actor'
import { canSeeInRegister } from '../access/policy'
import type { RegelruimteContext } from './RegelruimteContext'
import { buildVerslag } from '../verslag/buildVerslag'
import { compareRows } from './compareRows'
import { readSessionDoc } from './readSessionDoc'
import type { RegisterQuery } from './registerQuery'
import { registerRows } from './registerRows'

export async function loadRegister(ctx: RegelruimteContext, actor: Actor, query: RegisterQuery): Promise<RegisterRow[]> {
  // R11: an invited secretariaat reads the register of its own session's themagroep.
  const ownThemagroep = actor.kind === 'participant' ? ((await ctx.storage.sessions.get(actor.sessionId))?.themagroep ?? null) : null
  const sessions = (await ctx.storage.sessions.list()).filter(
    (s) => canSeeInRegister(actor, s, ownThemagroep) && (query.themagroepen === null || query.themagroepen.some((name) => sameThemagroep(name, s.themagroep))),
  )
  const rows: RegisterRow[] = []
  for (const session of sessions) {
    let verslag
    try {
      verslag = await readSessionDoc(ctx.rooms, ctx.storage.docs, ctx.log, session.id, (doc) => buildVerslag(doc, { language: 'nl' }))
    } catch (err) {
      // One unreadable document must not take the register down for every session.
      ctx.log.error({ err, room: session.id }, 'could not read a session for the register; leaving it out')
      continue
    }
    if (!verslag.sections.some((s) => s.kind === 'regelruimte')) continue
    const history = await ctx.storage.regelruimteStatus.listForSession(session.id)
    rows.push(...registerRows(session, verslag, history))
  }
  return rows.filter((r) => query.statuses === null || query.statuses.includes(r.status)).sort(compareRows)
}
