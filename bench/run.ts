/**
 * `npm run bench`: stock y-websocket clients (Node) against our server and,
 * in the same run, against the reference @y/websocket-server (no
 * persistence). Prints figures and the ratio ours/reference; asserts nothing.
 */
import fs from 'node:fs'
import { runScenario, type ScenarioResult, type ScenarioSpec } from './scenario'
import { ServerProcess } from './ServerProcess'
import { benchVerslagExport } from './verslagExport'
import { benchColdLoad } from './coldLoad'

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef'
// The cold loads in Chromium (bench/coldLoad.ts) add a minute on an idle machine, several on a busy one.
const HARD_LIMIT_MS = 600_000

const SCENARIOS: ScenarioSpec[] = [
  { name: '1 room x 30 clients (5 writers)', rooms: 1, clients: 30, writers: 5, updatesPerWriter: 40, intervalMs: 50, settleTimeoutMs: 15_000 },
  { name: '20 rooms x 30 clients (5 writers each)', rooms: 20, clients: 30, writers: 5, updatesPerWriter: 20, intervalMs: 100, settleTimeoutMs: 30_000 },
]

interface Row {
  scenario: string
  server: string
  result: ScenarioResult
  rssStart: number
  rssPeak: number
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a')
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a')

async function createRooms(server: ServerProcess, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${server.httpUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ title: `Bench ${i}`, themagroep: 'Bench' }),
    })
    if (res.status !== 201) throw new Error(`creating a session failed: ${res.status} ${await res.text()}`)
    ids.push(((await res.json()) as { id: string }).id)
  }
  return ids
}

async function measure(spec: ScenarioSpec, which: 'ours' | 'reference'): Promise<Row> {
  const server = which === 'ours' ? await ServerProcess.ours(ADMIN_TOKEN) : await ServerProcess.reference()
  try {
    // Our server only serves existing sessions; the reference takes any room name.
    const names =
      which === 'ours'
        ? await createRooms(server, spec.rooms)
        : Array.from({ length: spec.rooms }, (_, i) => `benchroom${i}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const rssStart = server.rss
    server.startSampling()
    const result = await runScenario(spec, server.wsUrl, names, which === 'ours' ? { token: ADMIN_TOKEN } : {})
    const rssPeak = server.stopSampling()
    return { scenario: spec.name, server: server.name, result, rssStart, rssPeak }
  } finally {
    await server.stop()
  }
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'server', 'sync all (ms)', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'delivered/expected', 'RSS idle→peak (MB)']
  const lines = rows.map((r) => [
    r.scenario,
    r.server,
    `${ms(r.result.syncMs)} (${r.result.synced} synced)`,
    ms(r.result.p50),
    ms(r.result.p95),
    ms(r.result.p99),
    `${r.result.delivered}/${r.result.expected}`,
    `${mb(r.rssStart)}→${mb(r.rssPeak)}`,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(fmt(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const l of lines) console.log(fmt(l))
}

function printRatios(rows: Row[]): void {
  console.log('\nratio ours/reference (lower is better for ours):')
  for (const spec of SCENARIOS) {
    const ours = rows.find((r) => r.scenario === spec.name && r.server === 'brownpaper')
    const ref = rows.find((r) => r.scenario === spec.name && r.server === 'reference')
    if (!ours || !ref) continue
    console.log(
      `  ${spec.name}: sync ${ratio(ours.result.syncMs, ref.result.syncMs)}, p50 ${ratio(ours.result.p50, ref.result.p50)}, ` +
        `p95 ${ratio(ours.result.p95, ref.result.p95)}, p99 ${ratio(ours.result.p99, ref.result.p99)}, ` +
        `peak RSS ${ratio(ours.rssPeak, ref.rssPeak)}`,
    )
  }
}

async function main(): Promise<void> {
  // Every y-websocket provider adds a process 'exit' listener.
  process.setMaxListeners(0)
  const started = Date.now()
  const guard = setTimeout(() => {
    console.error(`bench: stopped after ${HARD_LIMIT_MS / 1000} s`)
    process.exit(1)
  }, HARD_LIMIT_MS)
  guard.unref()
  console.log(`Brownpaper bench — Node ${process.version}, ${process.platform}, ${(await import('node:os')).cpus().length} CPUs`)
  console.log(`ours: ${fs.existsSync('dist/server/main.js') ? 'dist/server/main.js (the build), both on plain Node' : 'server/main.ts, both under tsx'}, SQLite (WAL, synchronous=FULL), every update stored before broadcast`)
  console.log('reference: @y/websocket-server 0.1.1, in memory (no persistence)\n')
  const rows: Row[] = []
  for (const spec of SCENARIOS) {
    for (const which of ['ours', 'reference'] as const) {
      rows.push(await measure(spec, which))
    }
  }
  printTable(rows)
  printRatios(rows)
  await benchVerslagExport()
  await benchColdLoad()
  console.log(`\nbench took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
