/**
 * What a page transfers (SPEC M1), used by the phone page's weight test and
 * by `npm run bench`, which measure the same board (PHONE_WEIGHT_STICKIES):
 * - `startWireMeter`: the bytes the server sends, counted on the wire by a
 *   TCP proxy between browser and server — the figure that is asserted;
 * - `meterTransfer`: what Chromium reports (each HTTP response's encoded
 *   length with headers, each websocket message's payload *after*
 *   permessage-deflate decompression), for a breakdown per response.
 */
import net from 'node:net'
import type { CDPSession, Page } from 'playwright-core'

/**
 * Stickies of the board whose phone page is weighed, over 10 sheets with
 * every tag, fields and links (`bigBoard` of bench/verslagExport.ts): the
 * bench weighs this board, the e2e test this board and a little more.
 */
export const PHONE_WEIGHT_STICKIES = 40

export interface TransferTotals {
  /** HTTP bytes received (compressed as sent, headers included). */
  http: number
  /** Websocket message payloads received, as Chromium reports them: decompressed (not what travelled). */
  websocketPayload: number
  requests: number
  /** Largest responses first: url and bytes. */
  largest: { url: string; bytes: number }[]
}

export interface TransferMeter {
  /** Totals so far (responses still loading are not counted). */
  read(): TransferTotals
  stop(): Promise<void>
}

export async function meterTransfer(page: Page): Promise<TransferMeter> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const urls = new Map<string, string>()
  const sizes: { url: string; bytes: number }[] = []
  let websocketPayload = 0
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
  cdp.on('Network.loadingFinished', (event) => {
    sizes.push({ url: urls.get(event.requestId) ?? event.requestId, bytes: event.encodedDataLength })
  })
  cdp.on('Network.webSocketFrameReceived', (event) => {
    // Binary frames arrive base64-encoded.
    const data = event.response.payloadData
    websocketPayload += event.response.opcode === 2 ? Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0) : data.length
  })
  return {
    read() {
      const http = sizes.reduce((sum, s) => sum + s.bytes, 0)
      return { http, websocketPayload, requests: sizes.length, largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5) }
    },
    async stop() {
      await cdp.detach().catch(() => {})
    },
  }
}

/** What the server sent over TCP, per kind of connection (SPEC M1). */
export interface WireTotals {
  /**
   * Bytes of HTTP connections as they travelled from the server: status
   * lines, headers and bodies (brotli or gzip where the server compressed).
   */
  http: number
  /**
   * Bytes of websocket connections as they travelled from the server: the
   * 101 answer and every frame (permessage-deflate where the server
   * compressed the message, S52).
   */
  websocket: number
  /** TCP connections the browser opened. */
  connections: number
}

export interface WireMeter {
  /** Where the browser goes instead of the server: same paths, this origin. */
  url: string
  /** Totals so far. */
  read(): WireTotals
  close(): Promise<void>
}

/** A request that asks for a websocket: `Upgrade: websocket` among its headers. */
const UPGRADE = /\r\nupgrade:[ \t]*websocket[ \t]*\r\n/i

/**
 * A TCP proxy in front of the server that counts the bytes the server sends
 * to the browser, as they travel (SPEC M1): nothing is decoded, mocked or
 * estimated. A connection counts as a websocket from the request that asks
 * for the upgrade on (Chromium opens each websocket on its own connection).
 * The browser opens `url` instead of the server's; the server sees the
 * proxy's host in Host and Origin, consistently.
 */
export async function startWireMeter(target: string): Promise<WireMeter> {
  const { hostname, port } = new URL(target)
  const totals: WireTotals = { http: 0, websocket: 0, connections: 0 }
  const sockets = new Set<net.Socket>()
  const proxy = net.createServer((client) => {
    totals.connections++
    const upstream = net.connect(Number(port), hostname)
    sockets.add(client).add(upstream)
    let websocket = false
    client.on('data', (chunk: Buffer) => {
      if (!websocket && UPGRADE.test(chunk.toString('latin1'))) websocket = true
    })
    upstream.on('data', (chunk: Buffer) => {
      if (websocket) totals.websocket += chunk.length
      else totals.http += chunk.length
    })
    client.pipe(upstream)
    upstream.pipe(client)
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', end).on('close', end)
    upstream.on('error', end).on('close', end)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port: own } = proxy.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${own}`,
    read: () => ({ ...totals }),
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
    },
  }
}
