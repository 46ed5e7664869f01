/**
 * The one write filter (W1, L1–L5): every document update a connection
 * sends is checked here, whole, before it is applied. Pure apart from
 * reading the room's doc; the caller applies the update when this returns
 * null and refuses it whole otherwise (server/yjs/messages.ts).
 */
import * as Y from 'yjs'
import { readFacilitation, type FacilitationState } from '../../shared/facilitation'
import { boardRoleOf, writerIdOf } from '../../shared/writeRules'
import { recordsOf } from '../../shared/ydoc'
import type { Actor } from '../access/Actor'
import type { DecodedUpdate } from '../core/decodedUpdate'
import { checkWrite, type WriteRefusal, type Writer } from './checkWrite'
import type { BoardLimits } from './limits'
import { recordChanges } from './recordChanges'

export type { WriteRefusal } from './checkWrite'

/** The writer a connection's actor is; null for one that writes nothing (a waarnemer, anonymous: W2). */
export function writerOf(actor: Actor): Writer | null {
  switch (actor.kind) {
    case 'admin':
      return { role: 'admin' }
    case 'user':
      return { role: actor.role, id: writerIdOf(actor) }
    case 'participant': {
      const role = boardRoleOf(actor.role)
      return role ? { role, id: writerIdOf(actor) } : null
    }
    default:
      return null
  }
}

export interface FilterInput {
  doc: Y.Doc
  /** Estimated bytes of the room's document now (Room.storedBytes). */
  docBytes: number
  decoded: DecodedUpdate
  /** Bytes of the encoded update. */
  updateBytes: number
  actor: Actor
  limits: BoardLimits
  now?: Date
}

export function filterUpdate({ doc, docBytes, decoded, updateBytes, actor, limits, now = new Date() }: FilterInput): WriteRefusal | null {
  if (updateBytes > limits.maxUpdateBytes) {
    return { rule: 'L1', kind: 'limit', reason: `an update of ${updateBytes} bytes (at most ${limits.maxUpdateBytes})` }
  }
  // Deleting stays possible on a full board: only updates that add content count.
  const adds = decoded.structs.some((s) => s.id.clock + s.length > Y.getState(doc.store, s.id.client))
  if (adds && docBytes + updateBytes > limits.maxDocBytes) {
    return { rule: 'L2', kind: 'limit', reason: `the document would grow beyond ${limits.maxDocBytes} bytes` }
  }
  const writer = writerOf(actor)
  if (!writer) return { rule: 'W2', kind: 'rule', reason: 'a connection that may not write' }
  // The facilitation map is read (and parsed) only for an update that adds dots (W21), not for every update.
  let facilitation: FacilitationState | null = null
  const facilitationNow = () => (facilitation ??= readFacilitation(doc))
  const voting = {
    get phase() {
      return facilitationNow().phase
    },
    get budget() {
      return facilitationNow().voteBudget
    },
    usedBy: (voter: string) => {
      let used = 0
      for (const { val } of recordsOf(doc).map.values()) {
        const votes = (val.meta as { votes?: unknown } | undefined)?.votes
        const n = typeof votes === 'object' && votes !== null ? (votes as Record<string, unknown>)[voter] : undefined
        if (typeof n === 'number' && n > 0) used += n
      }
      return used
    },
  }
  return checkWrite(recordChanges(doc, decoded), writer, { limits, recordCount: recordsOf(doc).map.size, now, voting })
}
