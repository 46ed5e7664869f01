/**
 * The register across every session the caller sees (SPEC R1–R3): sessions
 * filtered by the policy (P4, P12) and the query, each session's requests
 * taken from its verslag model, built from its document read without
 * opening a room (readSessionDoc), in the register's fixed order. Conclusies
 * taken over from earlier sessions are followed back through the sessions
 * the caller sees (R15).
 */
import type { SessionSummary } from '../../shared/api'
import { sameThemagroep } from '../../shared/themagroepName'
import type { KetenHerkomst, RegisterRow } from '../../shared/regelruimte'
import type { Actor } from '../access/Actor'
import { canSeeInRegister } from '../access/policy'
import type { RegelruimteContext } from './RegelruimteContext'
import { buildVerslag } from '../verslag/buildVerslag'
import { compareRows } from './compareRows'
import { chainSessionOf, followHerkomst, type ChainSession, type SessionOf } from './herkomstChain'
import { readSessionDoc } from './readSessionDoc'
import type { RegisterQuery } from './registerQuery'
import { registerRows } from './registerRows'

/** R11: the themagroep an invited secretariaat reads the register of (null for everyone else). */
export async function ownThemagroepOf(ctx: Pick<RegelruimteContext, 'storage'>, actor: Actor): Promise<string | null> {
  return actor.kind === 'participant' ? ((await ctx.storage.sessions.get(actor.sessionId))?.themagroep ?? null) : null
}

/**
 * R15: the sessions a chain may lead into for this caller — those it sees in
 * the register — each read once (no room opened, R7); null for any other, a
 * deleted one or one that cannot be read.
 */
export function chainSessions(ctx: RegelruimteContext, visible: readonly SessionSummary[]): SessionOf & { remember(session: ChainSession): void } {
  const byId = new Map(visible.map((s) => [s.id, s]))
  const read = new Map<string, Promise<ChainSession | null>>()
  const sessionOf = (id: string): Promise<ChainSession | null> => {
    const session = byId.get(id)
    if (!session) return Promise.resolve(null)
    let found = read.get(id)
    if (!found) {
      found = readSessionDoc(ctx.rooms, ctx.storage.docs, ctx.log, id, (doc) => chainSessionOf(doc, session)).catch((err: unknown) => {
        ctx.log.error({ err, room: id }, 'could not read a session for an evidence chain; the chain ends there')
        return null
      })
      read.set(id, found)
    }
    return found
  }
  return Object.assign(sessionOf, { remember: (session: ChainSession) => void read.set(session.id, Promise.resolve(session)) })
}

export async function loadRegister(ctx: RegelruimteContext, actor: Actor, query: RegisterQuery): Promise<RegisterRow[]> {
  // R11: an invited secretariaat reads the register of its own session's themagroep.
  const ownThemagroep = await ownThemagroepOf(ctx, actor)
  const visible = (await ctx.storage.sessions.list()).filter((s) => canSeeInRegister(actor, s, ownThemagroep))
  const sessions = visible.filter((s) => query.themagroepen === null || query.themagroepen.some((name) => sameThemagroep(name, s.themagroep)))
  const sessionOf = chainSessions(ctx, visible)
  const rows: RegisterRow[] = []
  for (const session of sessions) {
    let read
    try {
      read = await readSessionDoc(ctx.rooms, ctx.storage.docs, ctx.log, session.id, (doc) => ({
        verslag: buildVerslag(doc, { language: 'nl' }),
        chain: chainSessionOf(doc, session),
      }))
    } catch (err) {
      // One unreadable document must not take the register down for every session.
      ctx.log.error({ err, room: session.id }, 'could not read a session for the register; leaving it out')
      continue
    }
    const { verslag, chain } = read
    sessionOf.remember(chain)
    if (!verslag.sections.some((s) => s.kind === 'regelruimte')) continue
    // R15: every conclusie a request follows from, followed back when it was taken over.
    const herkomst = new Map<string, KetenHerkomst[]>()
    for (const section of verslag.sections) {
      if (section.kind !== 'regelruimte') continue
      for (const v of section.verzoeken) {
        for (const { conclusie } of v.conclusies) {
          if (herkomst.has(conclusie.id)) continue
          const start = chain.conclusies.get(conclusie.id)?.herkomst ?? null
          herkomst.set(conclusie.id, await followHerkomst({ sessionId: session.id, stickyId: conclusie.id, themagroep: session.themagroep }, start, sessionOf))
        }
      }
    }
    const history = await ctx.storage.regelruimteStatus.listForSession(session.id)
    rows.push(...registerRows(session, verslag, history, herkomst))
  }
  return rows.filter((r) => query.statuses === null || query.statuses.includes(r.status)).sort(compareRows)
}
