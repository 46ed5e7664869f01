/**
 * Mirrors a room's session info (title, type, date, place; not the
 * themagroep, which decides access) and its last change time into the
 * session index, debounced per room, so that listing sessions never has to
 * load their documents.
 */
import type { SessionSummary } from '../../shared/api'
import { readSessionInfo } from '../../shared/ydoc'
import type { Logger } from '../core/log'
import type { SessionStore } from './SessionStore'
import type { Room } from '../core/Room'

export class SessionIndexSync {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; room: Room; changedAt: Date; seen: number }>()

  constructor(
    private readonly sessions: SessionStore,
    private readonly log: Logger,
    private readonly debounceMs = 1_000,
  ) {}

  /** A room's doc changed: update its index entry after the debounce. */
  changed(room: Room): void {
    const existing = this.timers.get(room.name)
    if (existing) clearTimeout(existing.timer)
    const timer = setTimeout(() => void this.flush(room), this.debounceMs)
    timer.unref()
    this.timers.set(room.name, { timer, room, changedAt: new Date(), seen: room.updateCount })
  }

  /** Writes a pending change of the room now (before unload). */
  async flush(room: Room): Promise<void> {
    const pending = this.timers.get(room.name)
    if (!pending) return
    clearTimeout(pending.timer)
    this.timers.delete(room.name)
    // The doc holds a newer change that is not stored yet: once it is, it
    // calls changed() with its own time. Mirrored now, the index would show
    // that change with the older time (S13).
    if (room.updateCount !== pending.seen) return
    const patch: Partial<Omit<SessionSummary, 'id' | 'createdAt'>> = { updatedAt: pending.changedAt.toISOString() }
    const info = readSessionInfo(room.doc)
    if (info) {
      // Not the themagroep: the index's themagroep is what access is decided on
      // (P4, P9), set when the session was created. Whoever may write the
      // session details into the document must not move the session into
      // another themagroep, or out of its coördinatoren's reach.
      Object.assign(patch, {
        title: info.title,
        type: info.type,
        date: info.date ?? null,
        place: info.place ?? null,
      })
    }
    try {
      await this.sessions.update(room.name, patch)
    } catch (err) {
      this.log.error({ err, room: room.name }, 'could not update the session index')
    }
  }
}
