/** What the history routes get: the core's context, the session index, access and the history's store and recorder. */
import type { AccessService } from '../access/AccessService'
import type { Authorize } from '../access/authorize'
import type { SessionLookup } from '../access/findSession'
import type { CoreContext } from '../core/CoreContext'
import type { HistoryRecorder } from './HistoryRecorder'
import type { HistoryStore } from './HistoryStore'

export type HistoryContext = CoreContext & {
  storage: { sessions: SessionLookup }
  access: AccessService
  authorize: Authorize
  history: { store: HistoryStore; recorder: HistoryRecorder }
}
