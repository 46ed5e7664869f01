/**
 * The cost of the first room and the first updates after start: starts the
 * built server (as `npm start` does), creates a session, connects `clients`
 * clients, then one writer sends updates one at a time; prints the time of
 * the join and of each of the first updates (send → arrival at another
 * client), against the median of later ones. With --runs=N, N fresh starts.
 *
 *   npx tsx bench/coldProbe.ts [--runs=3] [--clients=30]
 */
import * as Y from 'yjs'
import { connectClient } from './clients'
import { ServerProcess } from './ServerProcess'

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef'
function flag(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg ? arg.slice(name.length + 3) : fallback
}
const RUNS = Number(flag('runs', '3'))
const CLIENTS = Number(flag('clients', '30'))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function once(): Promise<void> {
  const server = await ServerProcess.ours(ADMIN_TOKEN)
  try {
    const res = await fetch(`${server.httpUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ title: 'Cold', themagroep: 'Cold' }),
    })
    const { id } = (await res.json()) as { id: string }
    const docs = Array.from({ length: CLIENTS }, () => new Y.Doc())
    const t0 = performance.now()
    const clients = docs.map((doc) => connectClient('y-websocket', server.wsUrl, id, doc, { token: ADMIN_TOKEN }))
    await Promise.all(clients.map((c) => c.synced))
    const joinMs = performance.now() - t0
    const [writer, reader] = docs as [Y.Doc, Y.Doc]
    const times: number[] = []
    for (let i = 0; i < 40; i++) {
      const arrived = new Promise<void>((resolve) => {
        const map = reader.getMap('cold')
        const check = () => {
          if (map.has(`k${i}`)) {
            map.unobserve(check)
            resolve()
          }
        }
        map.observe(check)
      })
      const s = performance.now()
      writer.getMap('cold').set(`k${i}`, i)
      await arrived
      times.push(performance.now() - s)
      await sleep(20)
    }
    const later = times.slice(10).sort((a, b) => a - b)
    console.log(
      `join of ${CLIENTS}: ${joinMs.toFixed(0)} ms; first updates: ${times
        .slice(0, 5)
        .map((t) => t.toFixed(1))
        .join(', ')} ms; median of updates 11-40: ${later[Math.floor(later.length / 2)]?.toFixed(1)} ms`,
    )
    for (const c of clients) c.destroy()
  } finally {
    await server.stop()
  }
}

async function main(): Promise<void> {
  process.setMaxListeners(0)
  for (let r = 0; r < RUNS; r++) await once()
  process.exit(0)
}
main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
