/**
 * The core server: rooms and the y-websocket endpoint on one HTTP server,
 * with the /api router that extensions fill (X1). Knows no feature: it is
 * handed a Backend (the document log and the seam for features' stores) and
 * the extensions, in order; server/app.ts composes them.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import type { CoreContext } from './CoreContext'
import type { Extension } from './Extension'
import { ExtensionHooks } from './ExtensionHooks'
import { healthRoute } from './health'
import { apiNotFound, errorHandler, notFound } from './http/errors'
import type { SocketLimits } from './SocketCounter'
import type { Logger } from './log'
import { RoomManager } from './RoomManager'
import type { Backend } from './storage/Backend'
import { createYjsEndpoint } from './upgrade'

export interface CoreOptions {
  /** 0 picks a free port. */
  port: number
  /** Host to bind; all interfaces when omitted. */
  host?: string
  backend: Backend
  /** The features, in the order their hooks run. */
  extensions: readonly Extension[]
  log: Logger
  /** Serves what is not /api (the built client). */
  fallback?: RequestHandler
  /** P15: per-connection websocket token bucket (default burst 1000, 300 messages/s; a busy editor sends about 120/s). */
  wsRateLimit?: { capacity: number; refillPerSecond: number }
  /** L6: open websockets per identity and per client address (default 20 and 300). */
  socketLimits?: SocketLimits | undefined
  idleUnloadMs?: number
  compactAfter?: number
  /** Delay before retrying a failed save. */
  retryMs?: number
  maxMessageBytes?: number
  pingIntervalMs?: number
  /** P23 (TRUST_PROXY): Express's 'trust proxy': false (default), a hop count, or the proxies' addresses/subnets. */
  trustProxy?: false | number | readonly string[]
}

export interface RunningCore {
  url: string
  port: number
  httpServer: http.Server
  rooms: RoomManager
  /** Stops accepting, flushes and compacts every room, closes the backend. Idempotent. */
  close(): Promise<void>
}

export async function startCore(opts: CoreOptions): Promise<RunningCore> {
  const { log, backend } = opts
  const hooks = new ExtensionHooks(opts.extensions, log)
  const rooms = new RoomManager(backend.docs, {
    log,
    idleUnloadMs: opts.idleUnloadMs,
    compactAfter: opts.compactAfter,
    retryMs: opts.retryMs,
    hooks,
  })
  let ready = false
  const core: CoreContext = { rooms, docs: backend.docs, log, isReady: () => ready }
  for (const extension of opts.extensions) extension.configure?.(core)

  const app = express()
  app.disable('x-powered-by')
  // P23: X-Forwarded-For/-Proto count only from a configured proxy; off by default.
  app.set('trust proxy', opts.trustProxy ?? false)
  for (const extension of opts.extensions) for (const handler of extension.middleware ?? []) app.use(handler)
  app.use(compression())
  const api = express.Router()
  api.use(express.json({ limit: '2mb' }))
  healthRoute(api, core)
  for (const extension of opts.extensions) extension.routes?.(api)
  api.use(apiNotFound)
  app.use('/api', api)
  if (opts.fallback) app.use(opts.fallback)
  app.use(notFound)
  app.use(errorHandler(log))

  const yjs = createYjsEndpoint({
    rooms,
    hooks,
    log,
    maxMessageBytes: opts.maxMessageBytes ?? 16 * 1024 * 1024,
    rateLimit: opts.wsRateLimit ?? { capacity: 1000, refillPerSecond: 300 },
    socketLimits: opts.socketLimits,
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
      hooks.notify('onStop')
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
      yjs.close()
      await rooms.flushAll()
      await hooks.wait('onStopped')
      httpServer.closeAllConnections()
      await stopped
      await backend.close()
      log.info('closed')
    })()
    return closing
  }

  return { url: `http://localhost:${port}`, port, httpServer, rooms, close }
}
