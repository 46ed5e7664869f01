/**
 * One websocket in a room: size cap, decoding, keep-alive and clean-up. A
 * malformed frame closes this connection only.
 */
import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/closeCodes'
import { encodeAwarenessMessage } from './encode'
import type { Grant, Principal } from './Grant'
import type { Logger } from './log'
import { handleMessage, type MessageSender } from './messages'
import type { Room } from './Room'
import { TokenBucket } from './TokenBucket'

export interface BufferedFrame {
  data: Buffer | ArrayBuffer | Buffer[]
  isBinary: boolean
}

export interface ConnectionOptions {
  maxMessageBytes: number
  pingIntervalMs: number
  /** Token bucket of this connection: burst size and messages per second (P15). */
  rateLimit: { capacity: number; refillPerSecond: number }
  log: Logger
  onClose: (conn: Connection) => void
}

export class Connection implements MessageSender {
  private alive = true
  private closed = false
  private readonly pingTimer: NodeJS.Timeout
  private readonly bucket: TokenBucket
  private expiryTimer: NodeJS.Timeout | null = null
  /** Document updates refused (a read-only grant, or an extension's filter). */
  refusedUpdates = 0

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly grant: Grant,
    private readonly opts: ConnectionOptions,
  ) {
    this.bucket = new TokenBucket(opts.rateLimit.capacity, opts.rateLimit.refillPerSecond)
    ws.on('message', (data, isBinary) => this.receive(data, isBinary))
    ws.on('pong', () => {
      this.alive = true
    })
    ws.on('close', () => this.cleanUp())
    ws.on('error', (err) => opts.log.warn({ err, room: room.name }, 'websocket error'))
    this.pingTimer = setInterval(() => this.ping(), opts.pingIntervalMs)
    this.pingTimer.unref()
  }

  get readOnly(): boolean {
    return this.grant.readOnly
  }

  /** Who this connection is: its updates' transaction origin is the connection, so hooks read it with actorOfOrigin. */
  get actor(): Principal {
    return this.grant.actor
  }

  /** Joins the room: sync step 1 and the current awareness, then frames received while loading. */
  start(buffered: readonly BufferedFrame[]): void {
    this.room.addConnection(this)
    if (this.grant.expiresAt) this.expireAt(Date.parse(this.grant.expiresAt))
    if (this.closed) return
    this.send(this.room.syncStep1())
    const states = [...this.room.awareness.getStates().keys()]
    if (states.length > 0) this.send(encodeAwarenessMessage(this.room.awareness, states))
    for (const frame of buffered) this.receive(frame.data, frame.isBinary)
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > this.opts.maxMessageBytes * 4) {
      // A client that does not read: drop it rather than buffer without bound.
      // 1013 (try again later) makes a stock client reconnect and resync.
      this.opts.log.warn({ room: this.room.name }, 'closing a connection that does not keep up')
      this.close(1013, 'SlowConsumer')
      return
    }
    this.ws.send(message, (err) => {
      if (err) this.close(1011, 'send failed')
    })
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason)
    this.cleanUp()
  }

  refused(): void {
    this.refusedUpdates++
    if (this.refusedUpdates === 1) {
      this.opts.log.info({ room: this.room.name, actor: this.grant.actor.id }, 'refused a document update of this connection')
    }
  }

  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (this.closed) return
    const bytes = toBytes(data)
    if (bytes.byteLength > this.opts.maxMessageBytes) {
      this.close(CloseCode.MessageTooLarge, 'MessageTooLarge')
      return
    }
    // Trusted automation (the admin token, P3): load generators may send faster than people.
    if (!this.grant.unlimited && !this.bucket.take()) {
      this.close(CloseCode.RateLimited, 'RateLimited')
      return
    }
    if (!isBinary) {
      this.close(CloseCode.MalformedMessage, 'MalformedMessage')
      return
    }
    try {
      handleMessage(bytes, this.room, this)
    } catch (err) {
      this.opts.log.warn({ err, room: this.room.name }, 'closing a connection that sent a malformed frame')
      this.close(CloseCode.MalformedMessage, 'MalformedMessage')
    }
  }

  /** W19: the socket ends with its grant (a login's or invite's expiry), by a timer, not at the next message. */
  private expireAt(at: number): void {
    const delay = at - Date.now()
    if (!(delay > 0)) {
      this.opts.log.info({ room: this.room.name, actor: this.grant.actor.id }, 'closing a socket whose grant expired')
      this.close(CloseCode.Unauthorized, 'Unauthorized')
      return
    }
    // setTimeout holds at most 2^31-1 ms (24.8 days); invites last up to 90 days.
    this.expiryTimer = setTimeout(() => this.expireAt(at), Math.min(delay, 2 ** 31 - 1))
    this.expiryTimer.unref()
  }

  private ping(): void {
    if (!this.alive) {
      this.ws.terminate()
      this.cleanUp()
      return
    }
    this.alive = false
    this.ws.ping()
  }

  private cleanUp(): void {
    if (this.closed) return
    this.closed = true
    clearInterval(this.pingTimer)
    if (this.expiryTimer) clearTimeout(this.expiryTimer)
    this.room.removeConnection(this)
    this.opts.onClose(this)
  }
}

/**
 * A copy with its own ArrayBuffer: ws may hand out views into a larger pooled
 * buffer, and a length field that overruns the frame must fail to decode
 * rather than read the bytes next to it.
 */
function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data)
}
