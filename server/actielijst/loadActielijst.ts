/**
 * The actielijst of one themagroep (SPEC A1–A3): every afspraak of every
 * session in it, taken from each session's verslag model (read without
 * opening a room, like the register), with its current status, its history
 * and the links of a carry-over, in a fixed order: open first, then by date
 * (undated last), session date, session title, reading order.
 */
import type { ActieRow, ActieStatus, ActieStatusChange } from '../../shared/actielijst'
import { sameThemagroep } from '../../shared/themagroepName'
import type { Afspraak } from '../../shared/verslag/schema'
import { readSessionDoc } from '../regelruimte/readSessionDoc'
import { buildVerslag } from '../verslag/buildVerslag'
import { amsterdamDate } from '../verslag/versions/amsterdamDate'
import type { ActielijstContext } from './ActielijstContext'
import type { ActieStatusEntry, CarryOver } from './ActieStore'

export interface ActielijstQuery {
  statuses: readonly ActieStatus[] | null
  /** Lower-case words that must all occur in wat, wie, waar or the session title. */
  search: readonly string[]
  overdueOnly: boolean
}

export const ALL_ROWS: ActielijstQuery = { statuses: null, search: [], overdueOnly: false }

const key = (sessionId: string, stickyId: string) => `${sessionId}\u0000${stickyId}`

const STATUS_ORDER: Record<ActieStatus, number> = { open: 0, gedaan: 1, vervallen: 2 }

function compareRows(a: ActieRow, b: ActieRow): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.wanneer ?? '9999').localeCompare(b.wanneer ?? '9999') ||
    (a.sessionDate ?? '9999').localeCompare(b.sessionDate ?? '9999') ||
    a.sessionTitle.localeCompare(b.sessionTitle, 'nl') ||
    a.sessionId.localeCompare(b.sessionId)
  )
}

export async function loadActielijst(ctx: ActielijstContext, themagroep: string, query: ActielijstQuery, now = new Date()): Promise<{ today: string; rows: ActieRow[] }> {
  const today = amsterdamDate(now)
  const sessions = (await ctx.sessions.list()).filter((s) => sameThemagroep(s.themagroep, themagroep))
  const ids = sessions.map((s) => s.id)
  const [statuses, carries] = await Promise.all([ctx.actielijst.statusesFor(ids), ctx.actielijst.carryOversFor(ids)])
  const historyOf = new Map<string, ActieStatusEntry[]>()
  for (const entry of statuses) {
    const k = key(entry.sessionId, entry.stickyId)
    historyOf.set(k, [...(historyOf.get(k) ?? []), entry])
  }
  const titleOf = new Map(sessions.map((s) => [s.id, s.title]))
  const carriedTo = new Map<string, CarryOver>()
  const carriedFrom = new Map<string, CarryOver>()
  for (const c of carries) {
    carriedTo.set(key(c.fromSessionId, c.fromStickyId), c)
    carriedFrom.set(key(c.toSessionId, c.toStickyId), c)
  }

  const rows: ActieRow[] = []
  for (const session of sessions) {
    let afspraken: Afspraak[]
    let title = session.title
    let date: string | null = session.date ?? null
    try {
      const verslag = await readSessionDoc(ctx.rooms, ctx.docs, ctx.log, session.id, (doc) => buildVerslag(doc, { language: 'nl' }))
      afspraken = verslag.sections.flatMap((s) => (s.kind === 'afspraken' ? s.afspraken : []))
      title = verslag.title
      date = verslag.date ?? null
    } catch (err) {
      // One unreadable document must not take the actielijst down for every session.
      ctx.log.error({ err, room: session.id }, 'could not read a session for the actielijst; leaving it out')
      continue
    }
    for (const a of afspraken) {
      const k = key(session.id, a.item.id)
      const history = historyOf.get(k) ?? []
      const last = history[history.length - 1]
      const status: ActieStatus = last?.to ?? 'open'
      const to = carriedTo.get(k)
      const from = carriedFrom.get(k)
      rows.push({
        themagroep: session.themagroep,
        sessionId: session.id,
        sessionTitle: title,
        sessionDate: date,
        stickyId: a.item.id,
        wat: a.item.text,
        wie: a.wie ?? '',
        wanneer: a.wanneer ?? null,
        tijdVan: a.tijdVan ?? '',
        tijdTot: a.tijdTot ?? '',
        waar: a.waar ?? '',
        status,
        statusSince: last?.at ?? null,
        overdue: status === 'open' && a.wanneer !== undefined && a.wanneer < today,
        carriedFrom: from ? { sessionId: from.fromSessionId, stickyId: from.fromStickyId, sessionTitle: titleOf.get(from.fromSessionId) ?? '' } : null,
        carriedTo: to ? { sessionId: to.toSessionId, stickyId: to.toStickyId, sessionTitle: titleOf.get(to.toSessionId) ?? '' } : null,
        history: history.map((h): ActieStatusChange => ({ from: h.from, to: h.to, at: h.at, actorName: h.actorName, detail: h.detail })),
      })
    }
  }
  const matches = (row: ActieRow) => {
    if (query.statuses && !query.statuses.includes(row.status)) return false
    if (query.overdueOnly && !row.overdue) return false
    const haystack = `${row.wat} ${row.wie} ${row.waar} ${row.sessionTitle}`.toLocaleLowerCase('nl')
    return query.search.every((word) => haystack.includes(word))
  }
  return { today, rows: rows.filter(matches).sort(compareRows) }
}
