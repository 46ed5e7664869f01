/**
 * Sessions as an extension: the session index (SessionStore) and its
 * routes (create, list, get, add a sticky, the client config), the mirror of
 * a room's session info into the index (onChange/onUnload), and the write
 * rule that keeps the board's record store readable (P15, filterUpdate).
 * server/app.ts composes it.
 */
import type { Router } from 'express'
import { CloseCode } from '../../shared/closeCodes'
import type { AccessExtension } from '../access/accessExtension'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import type { Backend } from '../core/storage/Backend'
import { insertsMalformedRecordEntry } from './malformedRecordEntries'
import { addStickyRoute } from './routes/addSticky'
import { clientConfigRoute } from './routes/clientConfig'
import { createSessionRoute } from './routes/createSession'
import { getSessionRoute } from './routes/getSession'
import { listSessionsRoute } from './routes/listSessions'
import { SessionIndexSync } from './SessionIndexSync'
import type { HoldSticky, SessionsContext } from './SessionsContext'
import type { SessionStore } from './SessionStore'
import { SESSION_STORES } from './sessionStoreDefinition'

export interface SessionsExtensionOptions {
  backend: Backend
  access: Pick<AccessExtension, 'access' | 'authorize'>
  tldrawLicenseKey?: string | null
  /** Delay before a room's changes are mirrored into the index. */
  indexDebounceMs?: number
  /** A feature that may hold an API sticky instead of placing it (facilitation, F6). */
  holdSticky?: HoldSticky
}

export interface SessionsExtension extends Extension {
  readonly sessions: SessionStore
}

const SESSION_ROUTES: ((router: Router, ctx: SessionsContext) => void)[] = [
  clientConfigRoute,
  createSessionRoute,
  listSessionsRoute,
  getSessionRoute,
  addStickyRoute,
]

export function sessionsExtension(opts: SessionsExtensionOptions): SessionsExtension {
  const sessions = opts.backend.stores(SESSION_STORES)
  let core: CoreContext | null = null
  let indexSync: SessionIndexSync | null = null

  return {
    name: 'sessions',
    sessions,
    configure(context) {
      core = context
      indexSync = new SessionIndexSync(sessions, context.log, opts.indexDebounceMs)
    },
    routes(router) {
      if (!core) throw new Error('sessions: routes before configure')
      const ctx: SessionsContext = {
        ...core,
        storage: { sessions },
        access: opts.access.access,
        authorize: opts.access.authorize,
        tldrawLicenseKey: opts.tldrawLicenseKey ?? null,
        ...(opts.holdSticky ? { holdSticky: opts.holdSticky } : {}),
      }
      for (const route of SESSION_ROUTES) route(router, ctx)
    },
    filterUpdate({ room, decoded }) {
      // A malformed board record would break every reader of the room for good (P15).
      return insertsMalformedRecordEntry(room.doc, decoded) ? { close: CloseCode.MalformedMessage, reason: 'MalformedMessage' } : 'accept'
    },
    onChange(room) {
      indexSync?.changed(room)
    },
    async onUnload(room) {
      await indexSync?.flush(room)
    },
  }
}
