/**
 * One benchmark scenario against one server: `rooms` rooms of `clients`
 * clients each, of which `writers` write `updatesPerWriter` updates at a
 * fixed rate. Every update carries its send time; every other client of the
 * room records when it arrives (same process, same clock). With
 * `listenerUrl`, writers connect to `url` and everyone else to
 * `listenerUrl` (two instances), and only listeners record.
 */
import * as Y from 'yjs'
import { connectClient, type BenchClient, type Protocol } from './clients'
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
  /** Time until every client had its first sync. */
  syncMs: number
  synced: number
  p50: number
  p95: number
  p99: number
  delivered: number
  expected: number
}

export interface Target {
  protocol: Protocol
  url: string
  listenerUrl?: string
  params: Record<string, string>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runScenario(spec: ScenarioSpec, target: Target, roomNames: readonly string[]): Promise<ScenarioResult> {
  const latencies: number[] = []
  const rooms: { doc: Y.Doc; client: BenchClient }[][] = []
  const start = performance.now()
  let synced = 0
  const syncs: Promise<void>[] = []
  for (let r = 0; r < spec.rooms; r++) {
    const room: { doc: Y.Doc; client: BenchClient }[] = []
    for (let c = 0; c < spec.clients; c++) {
      const doc = new Y.Doc()
      const isWriter = c < spec.writers
      const url = !isWriter && target.listenerUrl ? target.listenerUrl : target.url
      const client = connectClient(target.protocol, url, roomNames[r] ?? `room${r}`, doc, target.params)
      syncs.push(client.synced.then(() => void synced++))
      if (!(target.listenerUrl && isWriter)) {
        doc.getMap<number>('bench').observe((event, tx) => {
          if (tx.local) return
          const now = performance.now()
          for (const key of event.keysChanged) {
            const sentAt = doc.getMap<number>('bench').get(key)
            if (typeof sentAt === 'number') latencies.push(now - sentAt)
          }
        })
      }
      room.push({ doc, client })
    }
    rooms.push(room)
  }
  await Promise.race([Promise.all(syncs), sleep(spec.settleTimeoutMs)])
  const syncMs = performance.now() - start

  const receivers = target.listenerUrl ? spec.clients - spec.writers : spec.clients - 1
  const expected = spec.rooms * spec.writers * spec.updatesPerWriter * receivers
  for (let i = 0; i < spec.updatesPerWriter; i++) {
    for (const room of rooms) {
      for (let w = 0; w < spec.writers; w++) room[w]?.doc.getMap<number>('bench').set(`w${w}-${i}`, performance.now())
    }
    await sleep(spec.intervalMs)
  }
  const deadline = performance.now() + spec.settleTimeoutMs
  while (latencies.length < expected && performance.now() < deadline) await sleep(20)

  for (const room of rooms) {
    for (const { doc, client } of room) {
      client.destroy()
      doc.destroy()
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
