/** What the core hands every extension (Extension.configure): its services, nothing global. */
import type { Logger } from './log'
import type { RoomManager } from './RoomManager'
import type { DocStore } from './storage/DocStore'

export interface CoreContext {
  rooms: RoomManager
  /** The document log, e.g. to read a session's doc without loading its room. */
  docs: DocStore
  log: Logger
  /** Whether the server is ready to serve (false while shutting down). */
  isReady(): boolean
}
