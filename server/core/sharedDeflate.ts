/**
 * S52, S57: how the server compresses what it sends (permessage-deflate
 * without context takeover). `ws` keeps one zlib stream per connection for
 * its whole life once it compressed one message (it resets the stream, it
 * does not free it): some 120 kB of native memory per socket, 70 MB for 600
 * clients. And it compresses a message once per connection, although a
 * room's first sync reply (S14) and a broadcast update are the same bytes
 * for every client.
 *
 * Without context takeover every message is compressed on its own, so the
 * compressed bytes depend only on the message and the zlib settings. Here
 * the server side of `ws`'s PerMessageDeflate compresses each message with a
 * one-shot zlib call (its context freed at once) and shares the result
 * between the connections it goes to: keyed by the message's bytes (its
 * ArrayBuffer, held weakly) and the settings. Messages are never changed
 * once sent (encode.ts makes a new array for each). The `ws` client side is left
 * as it is, and so is anything that is not "no context takeover".
 */
import zlib from 'node:zlib'
import * as wsModule from 'ws'

type Callback = (err: Error | null, result?: Buffer) => void

/** The parts of ws's (untyped) PerMessageDeflate used here. */
interface PerMessageDeflateLike {
  _isServer: boolean
  params: Record<string, unknown> | null
  _options: { zlibDeflateOptions?: zlib.ZlibOptions }
  _compress(data: Buffer, fin: boolean, callback: Callback): void
}

interface PerMessageDeflateClass {
  prototype: PerMessageDeflateLike
}

/** Compressed messages: per ArrayBuffer, per (offset, length, settings). */
const cache = new WeakMap<ArrayBufferLike, Map<string, Promise<Buffer>>>()

/** Compressions made so far (one per distinct message and settings): a seam for tests, as SqliteDocStore.commits. */
export const deflateStats = { compressions: 0 }

/** The bytes of one message compressed as permessage-deflate sends them: raw deflate, sync flush, without the 4-byte tail (RFC 7692). */
function deflateOnce(data: Buffer, options: zlib.ZlibOptions): Promise<Buffer> {
  deflateStats.compressions++
  return new Promise((resolve, reject) => {
    zlib.deflateRaw(data, { ...options, finishFlush: zlib.constants.Z_SYNC_FLUSH }, (err, out) => {
      if (err) reject(err)
      else resolve(out.subarray(0, out.length - 4))
    })
  })
}

function compressedOf(data: Buffer, options: zlib.ZlibOptions): Promise<Buffer> {
  // Only a message that owns its whole ArrayBuffer is shared: a view into a
  // pooled buffer (small Buffers) could hold other bytes at the same place later.
  if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) return deflateOnce(data, options)
  const key = `${data.byteOffset}:${data.byteLength}:${options.windowBits}:${options.level}:${options.memLevel}:${options.strategy}`
  let forBuffer = cache.get(data.buffer)
  if (!forBuffer) {
    forBuffer = new Map()
    cache.set(data.buffer, forBuffer)
  }
  let compressed = forBuffer.get(key)
  if (!compressed) {
    compressed = deflateOnce(data, options)
    forBuffer.set(key, compressed)
    // A failed compression is not kept: the next connection tries again (through ws's own stream).
    compressed.catch(() => forBuffer.delete(key))
  }
  return compressed
}

let installed = false

/** Makes the server side of every `ws` permessage-deflate compress as described above. Idempotent. */
export function shareCompressedMessages(): void {
  if (installed) return
  installed = true
  const PerMessageDeflate = (wsModule as unknown as { PerMessageDeflate: PerMessageDeflateClass }).PerMessageDeflate
  const original = PerMessageDeflate.prototype._compress
  PerMessageDeflate.prototype._compress = function (this: PerMessageDeflateLike, data: Buffer, fin: boolean, callback: Callback): void {
    // Only whole messages of a server that keeps no context between them; anything else as ws does it.
    if (!this._isServer || !fin || this.params?.server_no_context_takeover !== true || !Buffer.isBuffer(data)) {
      original.call(this, data, fin, callback)
      return
    }
    const windowBits = typeof this.params.server_max_window_bits === 'number' ? this.params.server_max_window_bits : zlib.constants.Z_DEFAULT_WINDOWBITS
    compressedOf(data, { ...this._options.zlibDeflateOptions, windowBits }).then(
      (compressed) => callback(null, compressed),
      () => original.call(this, data, fin, callback),
    )
  }
}
