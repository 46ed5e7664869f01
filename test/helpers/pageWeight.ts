/**
 * What a page transfers over the wire, as Chromium counts it: every HTTP
 * response's encoded (compressed) length including headers, and every
 * websocket frame received. Used by the phone page's weight test (SPEC M1)
 * and by `npm run bench`.
 */
import type { CDPSession, Page } from 'playwright-core'

export interface TransferTotals {
  /** HTTP bytes received (compressed as sent, headers included). */
  http: number
  /** Websocket payload bytes received. */
  websocket: number
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
  let websocket = 0
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
  cdp.on('Network.loadingFinished', (event) => {
    sizes.push({ url: urls.get(event.requestId) ?? event.requestId, bytes: event.encodedDataLength })
  })
  cdp.on('Network.webSocketFrameReceived', (event) => {
    // Binary frames arrive base64-encoded.
    const data = event.response.payloadData
    websocket += event.response.opcode === 2 ? Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0) : data.length
  })
  return {
    read() {
      const http = sizes.reduce((sum, s) => sum + s.bytes, 0)
      return { http, websocket, requests: sizes.length, largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5) }
    },
    async stop() {
      await cdp.detach().catch(() => {})
    },
  }
}
