/**
 * The board's history as an extension (SPEC H1–H8, P21): its store
 * (HISTORY_STORES), the recorder on the room hooks — onLoad (observe the
 * doc, version the loaded board), filterUpdate as the pre-apply point (a
 * version before a large deletion; it always accepts), onUnload, onStop —
 * and the routes to list, preview and restore versions. server/app.ts
 * composes it last, so that its filter sees only updates every other
 * extension accepted.
 */
import type { Router } from 'express'
import type { AccessExtension } from '../access/accessExtension'
import type { SessionLookup } from '../access/findSession'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import type { HistoryContext } from './HistoryContext'
import { HistoryRecorder } from './HistoryRecorder'
import type { HistoryStore } from './HistoryStore'
import { HISTORY_STORES } from './historyStoreDefinition'
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
  /** At most one before-delete version per room per this many ms (default 1000; tests). */
  deleteGapMs?: number
}

export const HISTORY_DEFAULTS = { keep: 200, intervalMs: 10 * 60_000, deleteThreshold: 5, deleteGapMs: 1000 } as const

export interface HistoryExtensionOptions {
  backend: Backend
  sessions: SessionLookup
  access: Pick<AccessExtension, 'access' | 'authorize'>
  settings?: HistorySettings | undefined
}

export interface HistoryExtension extends Extension {
  readonly store: HistoryStore
  /** privacy (G2): renames the actors pending for the next versions. */
  renameActors(rename: (name: string) => string): void
}

const HISTORY_ROUTES: ((router: Router, ctx: HistoryContext) => void)[] = [listHistoryRoute, getHistoryVersionRoute, restoreHistoryVersionRoute]

export function historyExtension(opts: HistoryExtensionOptions): HistoryExtension {
  const store = opts.backend.stores(HISTORY_STORES)
  let core: CoreContext | null = null
  let recorder: HistoryRecorder | null = null

  return {
    name: 'history',
    store,
    renameActors(rename) {
      recorder?.renameActors(rename)
    },
    configure(context) {
      core = context
      recorder = new HistoryRecorder({
        store,
        log: context.log,
        keep: opts.settings?.keep ?? HISTORY_DEFAULTS.keep,
        intervalMs: opts.settings?.intervalMs ?? HISTORY_DEFAULTS.intervalMs,
        deleteThreshold: opts.settings?.deleteThreshold ?? HISTORY_DEFAULTS.deleteThreshold,
        deleteGapMs: opts.settings?.deleteGapMs ?? HISTORY_DEFAULTS.deleteGapMs,
      })
    },
    routes(router) {
      if (!core || !recorder) throw new Error('history: routes before configure')
      const ctx: HistoryContext = {
        ...core,
        storage: { sessions: opts.sessions },
        access: opts.access.access,
        authorize: opts.access.authorize,
        history: { store, recorder },
      }
      for (const route of HISTORY_ROUTES) route(router, ctx)
    },
    onLoad(room) {
      recorder?.onLoad(room)
    },
    filterUpdate({ room, decoded, grant }) {
      recorder?.beforeApply(room, decoded, grant.actor)
      return 'accept'
    },
    async onUnload(room) {
      await recorder?.onUnload(room)
    },
    onStop() {
      recorder?.close()
    },
    async onStopped() {
      await recorder?.idleAll()
    },
  }
}
