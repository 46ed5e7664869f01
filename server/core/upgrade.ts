/**
 * The websocket endpoint `/yjs/<sessionId>`: accepts the upgrade, then checks
 * the session and the grant, loads the room and joins the connection. Frames
 * that arrive meanwhile are buffered. Refusals are close codes, not HTTP errors,
 * so that a y-websocket client can tell them apart.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { CloseCode } from '../../shared/closeCodes'
import { isSessionId } from '../../shared/sessionId'
import { Connection, type BufferedFrame } from './Connection'
import type { ExtensionHooks } from './ExtensionHooks'
import { isRefusal } from './Grant'
import type { Logger } from './log'
import type { RoomManager } from './RoomManager'
import { shareCompressedMessages } from './sharedDeflate'
import { DEFAULT_SOCKET_LIMITS, SocketCounter, type SocketLimits } from './SocketCounter'

export const YJS_PREFIX = '/yjs/'

/** Frames a client may send before its room is loaded. */
const MAX_BUFFERED_FRAMES = 1_000

export interface YjsEndpointOptions {
  rooms: RoomManager
  /** Asks the extensions' authenticateConnection hooks, in order (X3). */
  hooks: ExtensionHooks
  log: Logger
  maxMessageBytes: number
  pingIntervalMs: number
  /** Per-connection token bucket: burst size and messages per second (P15). */
  rateLimit: { capacity: number; refillPerSecond: number }
  /** L6: open sockets per identity and per address; DEFAULT_SOCKET_LIMITS when omitted. */
  socketLimits?: SocketLimits | undefined
}

export interface YjsEndpoint {
  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  /** Closes sockets that have not joined a room yet. */
  close(): void
}

/** The session id of a `/yjs/<id>` path, '' for a malformed one, null for another path. */
export function sessionIdOfPath(url: string | undefined): string | null {
  const pathname = new URL(url ?? '/', 'http://localhost').pathname
  if (!pathname.startsWith(YJS_PREFIX)) return null
  const id = pathname.slice(YJS_PREFIX.length)
  return isSessionId(id) ? id : ''
}

/**
 * S52: messages of 4 KiB and more (a board's first sync above all: a phone
 * on a 2,000-sticky board) are compressed when the client offers
 * permessage-deflate, as browsers and the `ws` client do; the many small
 * updates of a session, and a fresh session's first sync (its empty sheets,
 * about 1.2 kB), are sent as they are. Below 4 KiB compression saves at most
 * a few kB, and each compressed message costs its receiver an inflate (a
 * stock `ws` client sets up a zlib stream for it: 200 clients receiving a
 * 1.2 kB message took 130–245 ms compressed, 80–140 ms plain). No context is kept between
 * messages, so each message is compressed once for all the connections it
 * goes to, and no zlib memory stays with a connection (S57,
 * sharedDeflate.ts). A client that offers nothing gets plain frames.
 */
export const PER_MESSAGE_DEFLATE = {
  threshold: 4096,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 13,
  zlibDeflateOptions: { level: 6, memLevel: 5 },
  concurrencyLimit: 4,
} as const

export function createYjsEndpoint(opts: YjsEndpointOptions): YjsEndpoint {
  shareCompressedMessages()
  // The cap is enforced per frame with a named close code; ws's own limit is a memory backstop.
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes * 2, perMessageDeflate: PER_MESSAGE_DEFLATE })
  const sockets = new SocketCounter(opts.socketLimits ?? DEFAULT_SOCKET_LIMITS)
  // One log line per burst: the first refusal, then a count once a second at most.
  let refusedSinceLog = 0
  let lastLog = 0
  const tooMany = (ws: WebSocket, about: Record<string, unknown>) => {
    refusedSinceLog++
    if (Date.now() - lastLog >= 1_000) {
      opts.log.warn({ ...about, refused: refusedSinceLog }, 'refused websockets: too many open sockets')
      lastLog = Date.now()
      refusedSinceLog = 0
    }
    ws.close(CloseCode.TooManyConnections, 'TooManyConnections')
  }

  async function join(ws: WebSocket, req: IncomingMessage, sessionId: string, buffered: BufferedFrame[], onEarlyError: (err: Error) => void) {
    if (!sessionId) {
      ws.close(CloseCode.UnknownSession, 'UnknownSession')
      return
    }
    const grant = await opts.hooks.authenticateConnection(req, sessionId)
    if (!grant || isRefusal(grant)) {
      ws.close(grant?.code ?? CloseCode.Unauthorized, grant?.reason ?? 'Unauthorized')
      return
    }
    // L6: per identity and per address, once the grant is known (trusted automation is exempt).
    const address = req.socket.remoteAddress ?? 'unknown'
    const releaseIdentity = sockets.identity(grant)
    const releaseAddress = grant.unlimited ? () => undefined : sockets.address(address)
    if (!releaseIdentity || !releaseAddress) {
      releaseIdentity?.()
      releaseAddress?.()
      tooMany(ws, { sessionId, actor: grant.actor.id, address })
      return
    }
    ws.once('close', () => {
      releaseIdentity()
      releaseAddress()
    })
    if (ws.readyState !== ws.OPEN) {
      releaseIdentity()
      releaseAddress()
    }
    const room = await opts.rooms.open(sessionId)
    if (ws.readyState !== ws.OPEN) {
      opts.rooms.release(room)
      return
    }
    ws.removeAllListeners('message')
    ws.off('error', onEarlyError) // the connection logs its own
    const conn = new Connection(ws, room, grant, {
      maxMessageBytes: opts.maxMessageBytes,
      pingIntervalMs: opts.pingIntervalMs,
      rateLimit: opts.rateLimit,
      log: opts.log,
      onClose: () => opts.rooms.release(room),
    })
    conn.start(buffered)
  }

  return {
    handleUpgrade(req, socket, head) {
      const sessionId = sessionIdOfPath(req.url)
      if (sessionId === null) return false
      wss.handleUpgrade(req, socket, head, (ws) => {
        const buffered: BufferedFrame[] = []
        // An 'error' without a listener would throw and end the process: ws
        // emits one for a frame that breaks websocket framing (unmasked,
        // reserved opcode, …), which anyone may send before the room is joined.
        const onEarlyError = (err: Error) => opts.log.warn({ err, sessionId }, 'websocket error before joining a room')
        ws.on('error', onEarlyError)
        ws.on('message', (data, isBinary) => {
          buffered.push({ data, isBinary })
          if (buffered.length > MAX_BUFFERED_FRAMES) ws.close(CloseCode.RateLimited, 'RateLimited')
        })
        join(ws, req, sessionId, buffered, onEarlyError).catch((err: unknown) => {
          opts.log.error({ err, sessionId }, 'could not join a room')
          const code = err instanceof Error && /shutting down/.test(err.message) ? CloseCode.ServerShutdown : 1011
          if (ws.readyState === ws.OPEN) ws.close(code, 'join failed')
        })
      })
      return true
    },
    close() {
      for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.close(CloseCode.ServerShutdown, 'ServerShutdown')
      wss.close()
    },
  }
}
