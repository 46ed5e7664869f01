/**
 * "Laatst gewijzigd op" (SPEC V16): after a vaststelling, the first change of
 * the verslag's content on a day writes that date into the document (session
 * map "laatstGewijzigdOp"), so that the live verslag — built from the
 * document alone — shows it. A change is a difference between the live model
 * and the one frozen with the latest version; checks are debounced per room
 * and skipped once today's date is written.
 */
import { Y_SESSION } from '../../../shared/ydoc'
import { vaststellingSchema } from '../../../shared/verslag/schema'
import type { Logger } from '../../log'
import type { VersionStore } from '../../storage/VerslagStores'
import type { Room } from '../../yjs/Room'
import type { RoomManager } from '../../yjs/RoomManager'
import { buildVerslag } from '../buildVerslag'
import { amsterdamDate } from './amsterdamDate'
import { comparableModel, frozenModel } from './frozenModels'

export class LaatstGewijzigdTracker {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  /** Per room: the live model at the last check, so an unchanged verslag is not compared again. */
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

  /** A room's doc changed (RoomManager onChange hook). */
  changed(room: Room): void {
    const map = room.doc.getMap(Y_SESSION)
    if (!map.has('vaststelling') || map.get('laatstGewijzigdOp') === amsterdamDate(this.now())) return
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
      if (this.lastSeen.get(name) === live) return
      this.lastSeen.set(name, live)
      if (live === comparableModel(frozenModel(latest.models, 'nl'))) return
      const today = amsterdamDate(this.now())
      if (map.get('laatstGewijzigdOp') !== today) room.transact((doc) => doc.getMap(Y_SESSION).set('laatstGewijzigdOp', today))
    })
  }
}
