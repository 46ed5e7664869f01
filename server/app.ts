/**
 * Composes the server: the core (rooms, the y-websocket endpoint, the
 * document log) and the features as extensions, in the order their hooks
 * run. Nothing else lives here. Used by main.ts, tests and the bench.
 */
import type http from 'node:http'
import path from 'node:path'
import type { AccessService } from './access/AccessService'
import type { AttemptLimitSettings } from './access/attemptLimits'
import type { TrustProxy } from './config'
import { accountsExtension } from './accounts/accountsExtension'
import { ACCOUNT_STORES } from './accounts/accountStoreDefinition'
import { ATTENDANCE_STORES } from './accounts/attendanceStoreDefinition'
import { actielijstExtension } from './actielijst/actielijstExtension'
import type { ActieStores } from './actielijst/ActieStore'
import { historyExtension, type HistorySettings } from './history/historyExtension'
import type { HistoryStore } from './history/HistoryStore'
import { accessExtension } from './access/accessExtension'
import type { AccessStores } from './access/AccessStores'
import type { Extension } from './core/Extension'
import type { Grant, Refusal } from './core/Grant'
import { serveClient } from './core/http/serveClient'
import { silentLogger, type Logger } from './core/log'
import type { RoomManager } from './core/RoomManager'
import type { BoardLimits } from './integrity/limits'
import type { SocketLimits } from './core/SocketCounter'
import type { Backend, StoreDefinition } from './core/storage/Backend'
import { ACCESS_STORES } from './access/accessStoreDefinition'
import type { RedisBus } from './cluster/RedisBus'
import { RedisAttemptCounter, RedisSetupTokens } from './cluster/redisShared'
import { ACTIE_STORES } from './actielijst/actieStoreDefinition'
import { FACILITATION_STORES } from './facilitation/facilitationStoreDefinition'
import { HISTORY_STORES } from './history/historyStoreDefinition'
import { REGELRUIMTE_STORES } from './regelruimte/regelruimteStoreDefinition'
import { VERSLAG_STORES } from './verslag/verslagStoreDefinition'
import type { DocStore } from './core/storage/DocStore'
import { MemoryBackend } from './core/storage/MemoryBackend'
import { SqliteBackend } from './core/storage/SqliteBackend'
import { startCore } from './core/startCore'
import { privacyExtension, type PrivacySettings } from './privacy/privacyExtension'
import { facilitationExtension } from './facilitation/facilitationExtension'
import { regelruimteExtension } from './regelruimte/regelruimteExtension'
import { shortLinkExtension } from './shortLinks/shortLinkExtension'
import { SHORT_LINK_STORES } from './shortLinks/shortLinkStoreDefinition'
import { PRIVACY_STORES } from './privacy/privacyStoreDefinition'
import type { RegelruimteStores } from './regelruimte/RegelruimteStatusStore'
import { sessionsExtension } from './sessions/sessionsExtension'
import type { SessionStore } from './sessions/SessionStore'
import { SESSION_STORES } from './sessions/sessionStoreDefinition'
import { verslagExtension } from './verslag/verslagExtension'
import type { VerslagStores } from './verslag/VerslagStores'

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Host to bind; all interfaces when omitted. */
  host?: string
  /** Backend to use; otherwise SQLite in `dataDir`; otherwise in memory. */
  backend?: Backend
  dataDir?: string
  adminToken?: string
  /** Public origin for join links and the websocket origin check (PUBLIC_URL). */
  publicUrl?: string
  tldrawLicenseKey?: string
  log?: Logger
  /** Answers websocket authentication before access does (tests only). */
  auth?: { authenticateConnection(req: http.IncomingMessage, sessionId: string): Promise<Grant | Refusal | undefined> }
  /** P16: scales the failed login/setup/join budgets (default 10 per account; see accessExtension). */
  loginAttempts?: number
  /** P16, P22: the failed-attempt budgets per kind (overrides loginAttempts). */
  attemptLimits?: AttemptLimitSettings
  /** P23 (TRUST_PROXY): Express's 'trust proxy' — false (default), a hop count, or proxy addresses/subnets. */
  trustProxy?: TrustProxy
  /** history: HISTORY_KEEP, HISTORY_INTERVAL_MS, HISTORY_DELETE_THRESHOLD (SPEC H1, H3, H5). */
  history?: HistorySettings
  /** L1–L5: limits of a board; each field defaults to DEFAULT_LIMITS (server/integrity/limits.ts). */
  limits?: Partial<BoardLimits>
  /** L6: open websockets per identity and per client address (default 20 and 300). */
  socketLimits?: SocketLimits
  /** P15: per-connection websocket token bucket (default burst 1000, 300 messages/s; a busy editor sends about 120/s). */
  wsRateLimit?: { capacity: number; refillPerSecond: number }
  /** G8: AUDIT_RETENTION_DAYS, PRIVACY_PURGE_INTERVAL_MS (server/privacy). */
  privacy?: Partial<PrivacySettings>
  /** Extra extensions, after the features (their hooks run last). */
  extensions?: Extension[]
  /** The built client; default dist/client of the repo. */
  clientDir?: string
  idleUnloadMs?: number
  compactAfter?: number
  /** Delay before retrying a failed save. */
  retryMs?: number
  maxMessageBytes?: number
  pingIntervalMs?: number
  indexDebounceMs?: number
  /** K1–K7: shares rooms, leases, locks and setup tokens with other instances (REDIS_URL); closed with the server. */
  bus?: RedisBus
}

/** Every feature's stores, for a backend that prepares them at start (PgBackend.open). */
export const STORE_DEFINITIONS: readonly StoreDefinition<unknown>[] = [
  SESSION_STORES,
  ACCESS_STORES,
  VERSLAG_STORES,
  REGELRUIMTE_STORES,
  HISTORY_STORES,
  FACILITATION_STORES,
  ACTIE_STORES,
  SHORT_LINK_STORES,
  ACCOUNT_STORES,
  ATTENDANCE_STORES,
  PRIVACY_STORES,
]

/** The stores of the composed features, for tests and the command line. */
export type ServerStores = { readonly docs: DocStore; readonly sessions: SessionStore; readonly history: HistoryStore } & AccessStores &
  VerslagStores &
  RegelruimteStores &
  ActieStores

export interface RunningServer {
  url: string
  port: number
  httpServer: http.Server
  backend: Backend
  storage: ServerStores
  rooms: RoomManager
  access: AccessService
  /** Stops accepting, flushes and compacts every room, closes the backend. Idempotent. */
  close(): Promise<void>
}

/**
 * The built client: dist/client of the repository, whether this file runs
 * from the sources (server/app.ts) or from the build (dist/server/main.js).
 */
function defaultClientDir(): string {
  const here = import.meta.dirname
  return path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', 'client') : path.resolve(here, '..', 'dist', 'client')
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? silentLogger
  const backend = opts.backend ?? (opts.dataDir ? new SqliteBackend(opts.dataDir) : new MemoryBackend())
  // The session index first: access decides on the themagroep a session is in.
  const sessionIndex = backend.stores(SESSION_STORES)
  const access = accessExtension({
    backend,
    sessions: sessionIndex,
    adminToken: opts.adminToken,
    loginAttempts: opts.loginAttempts,
    attemptLimits: opts.attemptLimits,
    publicUrl: opts.publicUrl,
    limits: opts.limits,
    setupTokens: opts.bus ? new RedisSetupTokens(opts.bus) : undefined,
    attemptCounter: opts.bus ? new RedisAttemptCounter(opts.bus, log) : undefined,
  })
  // facil: facilitation holds a deelnemer's API sticky during stil-schrijven (F6).
  const facilitation = facilitationExtension({ backend, sessions: sessionIndex, access })
  const sessions = sessionsExtension({
    holdSticky: (session, actor, body) => facilitation.holdSticky(session, actor, body),
    backend,
    access,
    tldrawLicenseKey: opts.tldrawLicenseKey ?? null,
    indexDebounceMs: opts.indexDebounceMs,
  })
  const verslag = verslagExtension({ backend, sessions: sessions.sessions, access })
  const regelruimte = regelruimteExtension({ backend, sessions: sessions.sessions, access })
  const history = historyExtension({ backend, sessions: sessions.sessions, access, settings: opts.history })
  const shortLinks = shortLinkExtension({ backend, sessions: sessions.sessions, access, publicUrl: opts.publicUrl })
  const actielijst = actielijstExtension({ backend, sessions: sessions.sessions, access, publicUrl: opts.publicUrl ?? null })
  const accounts = accountsExtension({ backend, access, publicUrl: opts.publicUrl ?? null })
  const privacy = privacyExtension({ backend, sessions: sessions.sessions, actielijst: actielijst.stores.actielijst, history, access, settings: opts.privacy })
  const auth = opts.auth
  const testAuth: Extension[] = auth ? [{ name: 'test-auth', authenticateConnection: (req, id) => auth.authenticateConnection(req, id) }] : []

  const core = await startCore({
    port: opts.port,
    host: opts.host,
    backend,
    // history last: its pre-apply hook (filterUpdate) sees only updates every other filter accepted (H3).
    extensions: [...testAuth, sessions, access, verslag, regelruimte, facilitation, actielijst, shortLinks, privacy, accounts, ...(opts.extensions ?? []), history],
    log,
    fallback: serveClient(opts.clientDir ?? defaultClientDir()),
    wsRateLimit: opts.wsRateLimit,
    socketLimits: opts.socketLimits,
    idleUnloadMs: opts.idleUnloadMs,
    compactAfter: opts.compactAfter,
    retryMs: opts.retryMs,
    maxMessageBytes: opts.maxMessageBytes,
    pingIntervalMs: opts.pingIntervalMs,
    trustProxy: opts.trustProxy,
    bus: opts.bus,
  })

  const storage: ServerStores = {
    docs: backend.docs,
    sessions: sessions.sessions,
    ...access.access.stores,
    ...verslag.stores,
    ...regelruimte.stores,
    history: history.store,
    ...actielijst.stores,
  }
  return { ...core, backend, storage, access: access.access }
}
