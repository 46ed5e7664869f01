/**
 * The server's clock as this browser sees it (F5): the offset is measured
 * over a few round trips to GET /api/time and the one with the shortest
 * round trip wins (its midpoint estimate is the tightest).
 */
import { clockOffset } from '../../shared/facilitation'
import { fetchServerTime } from './facilitationApi'

let offset = 0
let measured: Promise<number> | null = null

export async function measureClockOffset(samples = 3): Promise<number> {
  let best: { rtt: number; offset: number } | null = null
  for (let i = 0; i < samples; i++) {
    const sentAt = Date.now()
    try {
      const { serverNow } = await fetchServerTime()
      const receivedAt = Date.now()
      const rtt = receivedAt - sentAt
      if (!best || rtt < best.rtt) best = { rtt, offset: clockOffset(sentAt, receivedAt, serverNow) }
    } catch {
      // Offline: keep what we had.
    }
  }
  if (best) offset = best.offset
  return offset
}

/** Starts (once) measuring the offset; resolves with it. */
export function ensureClockOffset(): Promise<number> {
  measured ??= measureClockOffset()
  return measured
}

/** The server's time now, as best known. */
export function serverNow(): number {
  return Date.now() + offset
}
