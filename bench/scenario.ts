/**
 * One benchmark scenario against one server: `rooms` rooms of `clients` stock
 * y-websocket clients each, of which `writers` write `updatesPerWriter`
 * updates at a fixed rate. Every update carries its send time; every other
 * client of the room records when it arrives (same process, same clock).
 */
import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { percentile } from './stats'

export interface ScenarioSpec {
  name: string
  rooms: number
  clients: number
  writers: number
  updatesPerWriter: number
  /** Pause between two updates of one writer. */
  intervalMs: number
  /** Give up waiting for deliveries after this long. */
  settleTimeoutMs: number
}

export interface ScenarioResult {
  syncMs: number
  synced: number
  p50: number
  p95: number
  p99: number
  delivered: number
  expected: number
}

interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runScenario(
  spec: ScenarioSpec,
  wsUrl: string,
  roomNames: readonly string[],
  params: Record<string, string>,
): Promise<ScenarioResult> {
  const latencies: number[] = []
  const rooms: Client[][] = []
  const start = performance.now()
  let synced = 0
  const syncs: Promise<void>[] = []
  for (let r = 0; r < spec.rooms; r++) {
    const room: Client[] = []
    for (let c = 0; c < spec.clients; c++) {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(wsUrl, roomNames[r] ?? `room${r}`, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params,
        disableBc: true,
      })
      syncs.push(
        new Promise<void>((resolve) =>
          provider.once('sync', () => {
            synced++
            resolve()
          }),
        ),
      )
      doc.getMap<number>('bench').observe((event, tx) => {
        if (tx.local) return
        const now = performance.now()
        for (const key of event.keysChanged) {
          const sentAt = doc.getMap<number>('bench').get(key)
          if (typeof sentAt === 'number') latencies.push(now - sentAt)
        }
      })
      room.push({ doc, provider })
    }
    rooms.push(room)
  }
  await Promise.race([Promise.all(syncs), sleep(spec.settleTimeoutMs)])
  const syncMs = performance.now() - start

  const expected = spec.rooms * spec.writers * spec.updatesPerWriter * (spec.clients - 1)
  for (let i = 0; i < spec.updatesPerWriter; i++) {
    for (const room of rooms) {
      for (let w = 0; w < spec.writers; w++) {
        const writer = room[w]
        writer?.doc.getMap<number>('bench').set(`w${w}-${i}`, performance.now())
      }
    }
    await sleep(spec.intervalMs)
  }
  const deadline = performance.now() + spec.settleTimeoutMs
  while (latencies.length < expected && performance.now() < deadline) await sleep(20)

  for (const room of rooms) {
    for (const client of room) {
      client.provider.destroy()
      client.doc.destroy()
    }
  }
  await sleep(200)
  return {
    syncMs,
    synced,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    delivered: latencies.length,
    expected,
  }
}
