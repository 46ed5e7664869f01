/**
 * Everything the board history adds to the server (SPEC H1–H19): the
 * recorder on the room hooks (load, change, pre-apply, unload) and the
 * routes to list, preview and restore versions.
 */
import type { RouteModule } from '../app'
import type { Logger } from '../log'
import type { HistoryStore } from './HistoryStore'
import { HistoryRecorder } from './HistoryRecorder'
import { getHistoryVersionRoute } from './routes/getHistoryVersion'
import { listHistoryRoute } from './routes/listHistory'
import { restoreHistoryVersionRoute } from './routes/restoreHistoryVersion'

export interface HistorySettings {
  /** HISTORY_KEEP (default 200). */
  keep?: number
  /** HISTORY_INTERVAL_MS (default 10 minutes). */
  intervalMs?: number
  /** HISTORY_DELETE_THRESHOLD (default 5). */
  deleteThreshold?: number
}

export const HISTORY_DEFAULTS = { keep: 200, intervalMs: 10 * 60_000, deleteThreshold: 5 } as const

export interface HistorySetup {
  store: HistoryStore
  recorder: HistoryRecorder
  routes: RouteModule[]
}

export function setupHistory(store: HistoryStore, log: Logger, settings: HistorySettings = {}): HistorySetup {
  const recorder = new HistoryRecorder({
    store,
    log,
    keep: settings.keep ?? HISTORY_DEFAULTS.keep,
    intervalMs: settings.intervalMs ?? HISTORY_DEFAULTS.intervalMs,
    deleteThreshold: settings.deleteThreshold ?? HISTORY_DEFAULTS.deleteThreshold,
  })
  const history = { store, recorder }
  return {
    store,
    recorder,
    routes: [listHistoryRoute, getHistoryVersionRoute, restoreHistoryVersionRoute].map(
      (route): RouteModule =>
        (router, ctx) =>
          route(router, { ...ctx, history }),
    ),
  }
}
