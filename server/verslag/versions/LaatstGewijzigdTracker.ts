/**
 * "Laatst gewijzigd op" (SPEC V16): after a vaststelling, a change of the
 * verslag's content writes that day's date into the document (session map
 * "laatstGewijzigdOp"), so that the live verslag — built from the document
 * alone — shows it. A content change is a change of the built model: since
 * the room was loaded or last checked (so that a change that leaves the
 * verslag as it was, like a moved sticky, dates nothing), and away from the
 * model frozen with the latest version. Checks are debounced per room.
 */
import { Y_SESSION } from '../../../shared/ydoc'
import { vaststellingSchema } from '../../../shared/verslag/schema'
import type { Logger } from '../../core/log'
import type { VersionStore } from '../VerslagStores'
import type { Room } from '../../core/Room'
import type { RoomManager } from '../../core/RoomManager'
import { buildVerslag } from '../buildVerslag'
import { amsterdamDate } from './amsterdamDate'
import { comparableModel, frozenModel } from './frozenModels'

export class LaatstGewijzigdTracker {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  /** Per room: the model at load or at the last check. */
  private readonly lastSeen = new Map<string, string>()
  private rooms: RoomManager | null = null

  constructor(
    private readonly versions: VersionStore,
    private readonly log: Logger,
    private readonly delayMs = 300,
    private readonly now: () => Date = () => new Date(),
  ) {}

  attach(rooms: RoomManager): void {
    this.rooms = rooms
  }

  /**
   * A room was loaded (RoomManager onLoad hook): its verslag as it is now is
   * the baseline — unless a check is pending, whose change the load contains.
   */
  loaded(room: Room): void {
    if (this.timers.has(room.name) || !room.doc.getMap(Y_SESSION).has('vaststelling')) return
    this.lastSeen.set(room.name, comparableModel(buildVerslag(room.doc, { language: 'nl' })))
  }

  /** A room was unloaded (RoomManager onUnload hook); a pending check still runs (it loads the room again). */
  unloaded(room: Room): void {
    if (!this.timers.has(room.name)) this.lastSeen.delete(room.name)
  }

  /** A room's doc changed (RoomManager onChange hook). */
  changed(room: Room): void {
    if (!room.doc.getMap(Y_SESSION).has('vaststelling')) return
    const existing = this.timers.get(room.name)
    if (existing) clearTimeout(existing)
    const timer = setTimeout(() => {
      this.timers.delete(room.name)
      this.check(room.name).catch((err: unknown) => this.log.warn({ err, room: room.name }, 'laatst gewijzigd op: check failed'))
    }, this.delayMs)
    timer.unref()
    this.timers.set(room.name, timer)
  }

  /** Stops pending checks (server shutdown). */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private async check(name: string): Promise<void> {
    const rooms = this.rooms
    const latest = await this.versions.latest(name)
    if (!rooms || !latest) return
    await rooms.withRoom(name, (room) => {
      const map = room.doc.getMap(Y_SESSION)
      const recorded = vaststellingSchema.safeParse(map.get('vaststelling'))
      // A vaststelling in progress (doc ahead of the store): its own change is no edit.
      if (!recorded.success || recorded.data.versie !== latest.versie) return
      const live = comparableModel(buildVerslag(room.doc, { language: 'nl' }))
      const before = this.lastSeen.get(name)
      this.lastSeen.set(name, live)
      if (before === live) return
      if (live === comparableModel(frozenModel(latest.models, 'nl'))) return
      const today = amsterdamDate(this.now())
      if (map.get('laatstGewijzigdOp') !== today) room.transact((doc) => doc.getMap(Y_SESSION).set('laatstGewijzigdOp', today))
    })
  }
}
