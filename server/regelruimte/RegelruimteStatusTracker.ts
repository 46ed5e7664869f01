/**
 * Records the status history of regelruimte requests (SPEC R5): observes the
 * record store of every room the server loads (RoomManager onLoad hook) and
 * appends a change to the store whenever a request's status differs from the
 * one seen before — from a connection or from the API on someone's behalf
 * (the transaction origin's actor) or from the server itself ("system").
 * A request that appears (a new regelruimte sticky, or one retagged to
 * regelruimte) is recorded with `from: null`. Loading a room records nothing.
 */
import type * as Y from 'yjs'
import type { RegelruimteStatus } from '../../shared/sticky'
import { recordsOf, type StoredRecord } from '../../shared/ydoc'
import { actorId, actorName, isActor } from '../access/Actor'
import type { Logger } from '../core/log'
import type { RegelruimteStatusEntry, RegelruimteStatusStore } from './RegelruimteStatusStore'
import type { Room } from '../core/Room'
import { actorOfOrigin, REMOTE_ORIGIN } from '../core/origins'
import { requestStatus } from './requestStatus'

type KeyValueChange =
  | { action: 'add'; newValue: StoredRecord }
  | { action: 'update'; oldValue: StoredRecord; newValue: StoredRecord }
  | { action: 'delete'; oldValue: StoredRecord }

export class RegelruimteStatusTracker {
  private writes: Promise<void> = Promise.resolve()

  constructor(
    private readonly store: RegelruimteStatusStore,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts observing a freshly loaded room (RoomManager onLoad hook). */
  attach(room: Room): void {
    const kv = recordsOf(room.doc)
    const statuses = new Map<string, RegelruimteStatus>()
    for (const [id, entry] of kv.map) {
      const status = requestStatus(entry.val)
      if (status) statuses.set(id, status)
    }
    kv.on('change', (changes: Map<string, KeyValueChange>, transaction: Y.Transaction) => {
      // K5: a change another instance made is recorded there, once; here it only moves the baseline.
      const remote = transaction.origin === REMOTE_ORIGIN
      const who = this.who(transaction.origin)
      const at = this.now().toISOString()
      changes.forEach((change, id) => {
        const before = statuses.get(id) ?? null
        const after = change.action === 'delete' ? null : requestStatus(change.newValue)
        if (after === null) {
          statuses.delete(id)
          return
        }
        if (after === before) return
        statuses.set(id, after)
        if (!remote) this.record({ sessionId: room.name, stickyId: id, from: before, to: after, at, ...who })
      })
    })
  }

  /** Resolves once every change seen so far is stored (or its failure logged). */
  idle(): Promise<void> {
    return this.writes
  }

  private who(origin: unknown): { actor: string; actorName: string } {
    const actor = actorOfOrigin(origin)
    return actor && isActor(actor) ? { actor: actorId(actor), actorName: actorName(actor) } : { actor: 'system', actorName: 'server' }
  }

  private record(entry: RegelruimteStatusEntry): void {
    this.writes = this.writes.then(() =>
      this.store.add(entry).catch((err: unknown) => {
        this.log.error({ err, room: entry.sessionId, sticky: entry.stickyId }, 'could not record a regelruimte status change')
      }),
    )
  }
}
