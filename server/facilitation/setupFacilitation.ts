/**
 * Wires the facilitation feature (SPEC F1–F21): its private-sticky store
 * (SQLite next to the server's file when the server runs on SQLite, else in
 * memory), its service and its routes. Registered from app.ts; moves to the
 * core's extension interface once that lands.
 */
import type { Logger } from '../log'
import { SqliteStorage } from '../storage/SqliteStorage'
import type { Storage } from '../storage/Storage'
import type { RoomManager } from '../yjs/RoomManager'
import { facilitationRoutes } from './facilitationRoutes'
import { FacilitationService } from './FacilitationService'
import { MemoryPrivateStickyStore } from './MemoryPrivateStickyStore'
import type { PrivateStickyStore } from './PrivateStickyStore'
import { SqlitePrivateStickyStore } from './SqlitePrivateStickyStore'

export function setupFacilitation(storage: Storage, rooms: RoomManager, log: Logger, store?: PrivateStickyStore) {
  const privateStore =
    store ?? (storage instanceof SqliteStorage && storage.file !== ':memory:' ? new SqlitePrivateStickyStore(storage.file) : new MemoryPrivateStickyStore())
  const service = new FacilitationService(rooms, privateStore, log)
  return { service, routes: [facilitationRoutes(service)], close: () => service.close() }
}
