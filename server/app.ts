/**
 * Builds and starts the server: Express (API + built client) and the Yjs
 * websocket endpoint on one HTTP server. Used by main.ts, tests and the bench.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import compression from 'compression'
import express from 'express'
import type { AccessService } from './access/AccessService'
import { setupAccess } from './access/setupAccess'
import type { AuthHooks } from './auth/types'
import { apiNotFound, errorHandler, notFound } from './http/errors'
import { serveClient } from './http/serveClient'
import { silentLogger, type Logger } from './log'
import { addStickyRoute } from './routes/addSticky'
import { clientConfigRoute } from './routes/clientConfig'
import type { RouteContext } from './routes/context'
import { createSessionRoute } from './routes/createSession'
import { getSessionRoute } from './routes/getSession'
import { healthRoute } from './routes/health'
import { listSessionsRoute } from './routes/listSessions'
import { setupRegelruimte } from './regelruimte/setupRegelruimte'
import { setupVerslag } from './verslag/setupVerslag'
import { SessionIndexSync } from './sessions/SessionIndexSync'
import { MemoryStorage } from './storage/MemoryStorage'
import { SqliteStorage } from './storage/SqliteStorage'
import type { Storage } from './storage/Storage'
import type { RedisBus } from './cluster/RedisBus'
import { RedisRateLimitStore, RedisSetupTokens } from './cluster/redisShared'
import { createYjsEndpoint } from './yjs/upgrade'
import { RoomManager } from './yjs/RoomManager'

/** A route module: registers its routes on the /api router. Features add theirs via `routes`. */
export type RouteModule = (router: express.Router, ctx: RouteContext) => void

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Host to bind; all interfaces when omitted. */
  host?: string
  /** Storage to use; otherwise SQLite in `dataDir`; otherwise in memory. */
  storage?: Storage
  dataDir?: string
  adminToken?: string
  /** Public origin for join links and the websocket origin check (PUBLIC_URL). */
  publicUrl?: string
  tldrawLicenseKey?: string
  log?: Logger
  /** Replaces (parts of) the auth hooks of server/access (tests only). */
  auth?: Partial<AuthHooks>
  /** P16: failed login/setup/join attempts per address per 15 minutes (default 10). */
  loginAttempts?: number
  /** P15: per-connection websocket token bucket (default burst 1000, 300 messages/s; a busy editor sends about 120/s). */
  wsRateLimit?: { capacity: number; refillPerSecond: number }
  /** Extra API routes, registered after the core ones. */
  routes?: RouteModule[]
  /** The built client; default dist/client of the repo. */
  clientDir?: string
  idleUnloadMs?: number
  compactAfter?: number
  /** Delay before retrying a failed save. */
  retryMs?: number
  maxMessageBytes?: number
  pingIntervalMs?: number
  indexDebounceMs?: number
  /** K1: shares rooms, leases and limits with other instances (REDIS_URL); closed with the server. */
  bus?: RedisBus
}

export interface RunningServer {
  url: string
  port: number
  httpServer: http.Server
  storage: Storage
  rooms: RoomManager
  auth: AuthHooks
  access: AccessService
  /** Stops accepting, flushes and compacts every room, closes the storage. Idempotent. */
  close(): Promise<void>
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..')

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? silentLogger
  const storage = opts.storage ?? (opts.dataDir ? new SqliteStorage(opts.dataDir) : new MemoryStorage())
  const bus = opts.bus
  const accessSetup = setupAccess(storage, {
    adminToken: opts.adminToken,
    loginAttempts: opts.loginAttempts,
    publicUrl: opts.publicUrl,
    shared: bus ? { setupTokens: new RedisSetupTokens(bus), rateLimitStore: (name) => new RedisRateLimitStore(bus, name) } : undefined,
  })
  const { access } = accessSetup
  const auth: AuthHooks = { ...accessSetup.auth, ...opts.auth }
  const indexSync = new SessionIndexSync(storage.sessions, log, opts.indexDebounceMs)
  const verslag = setupVerslag(storage, log)
  const { laatstGewijzigd } = verslag
  const regelruimte = setupRegelruimte(storage, log)
  const rooms = new RoomManager(storage.docs, {
    log,
    idleUnloadMs: opts.idleUnloadMs,
    compactAfter: opts.compactAfter,
    retryMs: opts.retryMs,
    bus: opts.bus,
    hooks: {
      onLoad: (room) => {
        regelruimte.tracker.attach(room)
        laatstGewijzigd.loaded(room)
      },
      onChange: (room) => {
        indexSync.changed(room)
        laatstGewijzigd.changed(room)
      },
      onUnload: (room) => {
        laatstGewijzigd.unloaded(room)
        return indexSync.flush(room)
      },
    },
  })
  laatstGewijzigd.attach(rooms)
  let ready = false
  const ctx: RouteContext = {
    storage,
    rooms,
    authorize: accessSetup.authorize,
    access,
    log,
    tldrawLicenseKey: opts.tldrawLicenseKey ?? null,
    publicUrl: opts.publicUrl ?? null,
    isReady: () => ready,
  }

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(accessSetup.headers)
  app.use(compression())
  const api = express.Router()
  api.use(express.json({ limit: '2mb' }))
  for (const route of [
    healthRoute,
    clientConfigRoute,
    createSessionRoute,
    listSessionsRoute,
    getSessionRoute,
    addStickyRoute,
    ...accessSetup.routes,
    ...verslag.routes,
    ...regelruimte.routes,
    ...(opts.routes ?? []),
  ]) {
    route(api, ctx)
  }
  api.use(apiNotFound)
  app.use('/api', api)
  app.use(serveClient(opts.clientDir ?? path.join(REPO_ROOT, 'dist', 'client')))
  app.use(notFound)
  app.use(errorHandler(log))

  const yjs = createYjsEndpoint({
    rooms,
    sessions: storage.sessions,
    auth,
    log,
    maxMessageBytes: opts.maxMessageBytes ?? 16 * 1024 * 1024,
    rateLimit: opts.wsRateLimit ?? { capacity: 1000, refillPerSecond: 300 },
    pingIntervalMs: opts.pingIntervalMs ?? 30_000,
  })
  const httpServer = http.createServer(app)
  httpServer.on('upgrade', (req, socket, head) => {
    if (!yjs.handleUpgrade(req, socket, head)) socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(opts.port, opts.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  ready = true
  const port = (httpServer.address() as AddressInfo).port
  log.info({ port }, 'listening')

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      ready = false
      laatstGewijzigd.close()
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
      yjs.close()
      await rooms.flushAll()
      await regelruimte.tracker.idle()
      httpServer.closeAllConnections()
      await stopped
      await opts.bus?.close()
      await storage.close()
      log.info('closed')
    })()
    return closing
  }

  return { url: `http://localhost:${port}`, port, httpServer, storage, rooms, auth, access, close }
}
