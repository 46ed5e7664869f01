/**
 * W1: every refused update is logged (Connection.writeRefused) and audited as
 * `board.refused` with its rule, about the session and its themagroep. A
 * stock client that still holds a refused change sends it again after each
 * reconnect; so one actor's refusals under one rule in one room are audited
 * at most once a minute (the log keeps every one).
 */
import type { Actor } from '../access/Actor'
import type { Logger } from '../core/log'
import type { SessionLookup } from '../access/findSession'
import type { WriteRefusal } from './checkWrite'

const AUDIT_EVERY_MS = 60_000
const MAX_REMEMBERED = 10_000

export type AuditFn = (actor: Actor, action: string, about: { sessionId?: string | null; themagroep?: string | null; detail?: string }) => Promise<void>

export function refusalAuditor(audit: AuditFn, sessions: SessionLookup, log: () => Logger) {
  const lastAudited = new Map<string, number>()
  return (sessionId: string, actor: Actor, refusal: WriteRefusal): void => {
    const key = `${sessionId}|${actor.kind}:${actor.id}|${refusal.rule}`
    const now = Date.now()
    if (now - (lastAudited.get(key) ?? 0) < AUDIT_EVERY_MS) return
    if (lastAudited.size >= MAX_REMEMBERED) lastAudited.clear()
    lastAudited.set(key, now)
    void (async () => {
      const session = await sessions.get(sessionId)
      const detail = `${refusal.rule}: ${refusal.reason}${refusal.record ? ` (${refusal.record})` : ''}`
      await audit(actor, 'board.refused', { sessionId, themagroep: session?.themagroep ?? null, detail })
    })().catch((err: unknown) => log().error({ err, sessionId }, 'could not audit a refused update'))
  }
}
