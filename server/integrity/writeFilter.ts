/**
 * The write filter as the access extension registers it (`filterUpdate`,
 * X4): every document update of a connection goes through `filterUpdate`
 * (W1, L1–L5); a refusal is logged with its rule, audited (auditRefusals.ts)
 * and answered with its close code, so the update is refused whole.
 */
import { CloseCode } from '../../shared/closeCodes'
import { isActor } from '../access/Actor'
import type { Logger } from '../core/log'
import type { UpdatePayload, UpdateVerdict } from '../core/Room'
import type { Actor } from '../access/Actor'
import { filterUpdate, type WriteRefusal } from './filterUpdate'
import type { BoardLimits } from './limits'

export interface WriteFilterOptions {
  limits: BoardLimits
  log: () => Logger
  /** Called for every refusal (the audit is throttled there). */
  onRefused?: (sessionId: string, actor: Actor, refusal: WriteRefusal) => void
}

/** The close code that answers a refusal (W1): a rule, a limit, or an update too large (L1). */
export function closeCodeOf(refusal: WriteRefusal): { close: number; reason: string } {
  if (refusal.rule === 'L1') return { close: CloseCode.MessageTooLarge, reason: 'MessageTooLarge' }
  if (refusal.kind === 'limit') return { close: CloseCode.LimitExceeded, reason: 'LimitExceeded' }
  return { close: CloseCode.WriteRefused, reason: 'WriteRefused' }
}

export function createWriteFilter(opts: WriteFilterOptions): (payload: UpdatePayload) => UpdateVerdict {
  return ({ room, update, decoded, grant }) => {
    const actor = grant.actor
    const refusal: WriteRefusal | null = isActor(actor)
      ? filterUpdate({ doc: room.doc, docBytes: room.storedBytes, decoded, updateBytes: update.byteLength, actor, limits: opts.limits })
      : { rule: 'W2', kind: 'rule', reason: 'a connection without a known identity' }
    if (!refusal) return 'accept'
    opts.log().warn({ room: room.name, actor: actor.id, rule: refusal.rule, record: refusal.record, reason: refusal.reason }, 'refused an update')
    if (isActor(actor)) opts.onRefused?.(room.name, actor, refusal)
    return closeCodeOf(refusal)
  }
}
