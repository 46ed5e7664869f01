/** What the history routes receive: the route context plus the history's store and recorder. */
import type { RouteContext } from '../routes/context'
import type { HistoryRecorder } from './HistoryRecorder'
import type { HistoryStore } from './HistoryStore'

export interface HistoryContext extends RouteContext {
  history: { store: HistoryStore; recorder: HistoryRecorder }
}
