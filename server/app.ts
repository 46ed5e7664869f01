/**
 * Composes the server: the core (rooms, the y-websocket endpoint, the
 * document log) and the features as extensions, in the order their hooks
 * run. Nothing else lives here. Used by main.ts, tests and the bench.
 */
import type http from 'node:http'
import path from 'node:path'
import type { AccessService } from './access/AccessService'
import { accessExtension } from './access/accessExtension'
import type { AccessStores } from './access/AccessStores'
import type { Extension } from './core/Extension'
import type { Grant, Refusal } from './core/Grant'
import { serveClient } from './core/http/serveClient'
import { silentLogger, type Logger } from './core/log'
import type { RoomManager } from './core/RoomManager'
import type { Backend } from './core/storage/Backend'
import type { DocStore } from './core/storage/DocStore'
import { MemoryBackend } from './core/storage/MemoryBackend'
import { SqliteBackend } from './core/storage/SqliteBackend'
import { startCore } from './core/startCore'
import { facilitationExtension } from './facilitation/facilitationExtension'
import { regelruimteExtension } from './regelruimte/regelruimteExtension'
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
  /** P16: failed login/setup/join attempts per address per 15 minutes (default 10). */
  loginAttempts?: number
  /** P15: per-connection websocket token bucket (default burst 1000, 300 messages/s; a busy editor sends about 120/s). */
  wsRateLimit?: { capacity: number; refillPerSecond: number }
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
}

/** The stores of the composed features, for tests and the command line. */
export type ServerStores = { readonly docs: DocStore; readonly sessions: SessionStore } & AccessStores & VerslagStores & RegelruimteStores

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

const REPO_ROOT = path.resolve(import.meta.dirname, '..')

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
    publicUrl: opts.publicUrl,
  })
  const sessions = sessionsExtension({
    backend,
    access,
    tldrawLicenseKey: opts.tldrawLicenseKey ?? null,
    indexDebounceMs: opts.indexDebounceMs,
  })
  const verslag = verslagExtension({ backend, sessions: sessions.sessions, access })
  const regelruimte = regelruimteExtension({ backend, sessions: sessions.sessions, access })
  const facilitation = facilitationExtension({ backend, sessions: sessions.sessions, access })
  const auth = opts.auth
  const testAuth: Extension[] = auth ? [{ name: 'test-auth', authenticateConnection: (req, id) => auth.authenticateConnection(req, id) }] : []

  const core = await startCore({
    port: opts.port,
    host: opts.host,
    backend,
    // facilitation before sessions: its POST …/stickies holds a deelnemer's sticky privately during stil-schrijven (F6).
    extensions: [...testAuth, facilitation, sessions, access, verslag, regelruimte, ...(opts.extensions ?? [])],
    log,
    fallback: serveClient(opts.clientDir ?? path.join(REPO_ROOT, 'dist', 'client')),
    wsRateLimit: opts.wsRateLimit,
    idleUnloadMs: opts.idleUnloadMs,
    compactAfter: opts.compactAfter,
    retryMs: opts.retryMs,
    maxMessageBytes: opts.maxMessageBytes,
    pingIntervalMs: opts.pingIntervalMs,
  })

  const storage: ServerStores = {
    docs: backend.docs,
    sessions: sessions.sessions,
    ...access.access.stores,
    ...verslag.stores,
    ...regelruimte.stores,
  }
  return { ...core, backend, storage, access: access.access }
}
