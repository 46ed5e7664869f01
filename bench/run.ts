/**
 * `npm run bench`: the scenarios of issue 9 against our server, the
 * reference @y/websocket-server (in memory) and a bare Hocuspocus 4, each
 * started fresh: warm (200 updates on another session first) and cold
 * (measured right after start), and warm once more with a CPU-bound process
 * beside it. Then two of our instances on PostgreSQL + Redis (writers on one,
 * listeners on the other) against one instance on PostgreSQL, and a soak of
 * 600 clients with RSS sampled. Prints figures and ratios; asserts nothing.
 * Every server is addressed as 127.0.0.1 (a host name costs each client a
 * DNS lookup), every server's rooms start with the content of a fresh
 * session of ours (bench/sessionSeed.ts), the clients' process is warmed up
 * first, and the rounds of one scenario and mode take the servers in turn.
 *
 * Flags: --soak-minutes=N (default 10; 0 skips), --rounds=N (median of N,
 * default 1), --skip=matrix,cluster,soak,export,coldload; for the matrix
 * only some of it: --scenarios=1,3 (numbers from 1), --modes=warm,cold,
 * --servers=ours,reference,hocuspocus.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import os from 'node:os'
import pg from 'pg'
import * as Y from 'yjs'
import { connectClient, type Protocol } from './clients'
import { runScenario, type ScenarioResult, type ScenarioSpec, type Target } from './scenario'
import { BUILT, ServerProcess } from './ServerProcess'
import { benchVerslagExport } from './verslagExport'
import { benchColdLoad } from './coldLoad'
import { sessionSeed } from './sessionSeed'
import { Y_SESSION } from '../shared/ydoc'

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef'
// The cold loads in Chromium (bench/coldLoad.ts) add a minute on an idle machine, several on a busy one.
const HARD_LIMIT_MS = 600_000
const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

function flag(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg ? arg.slice(name.length + 3) : fallback
}
const SOAK_MINUTES = Number(flag('soak-minutes', '10'))
const ROUNDS = Math.max(1, Number(flag('rounds', '1')))
const SKIP = new Set(flag('skip', '').split(',').filter(Boolean))
const listFlag = (name: string) => new Set(flag(name, '').split(',').filter(Boolean))
const ONLY_SCENARIOS = listFlag('scenarios')
const ONLY_MODES = listFlag('modes')
const ONLY_SERVERS = listFlag('servers')

const SCENARIOS: ScenarioSpec[] = [
  { name: '1 room x 30 clients, 5 writers x 200 @ 20/s', rooms: 1, clients: 30, writers: 5, updatesPerWriter: 200, intervalMs: 50, settleTimeoutMs: 20_000 },
  { name: '20 rooms x 30 clients, 2 writers x 100 @ 10/s', rooms: 20, clients: 30, writers: 2, updatesPerWriter: 100, intervalMs: 100, settleTimeoutMs: 30_000 },
  { name: '1 room x 200 clients, 10 writers x 100 @ 10/s', rooms: 1, clients: 200, writers: 10, updatesPerWriter: 100, intervalMs: 100, settleTimeoutMs: 30_000 },
]

type Which = 'ours' | 'reference' | 'hocuspocus'
type Mode = 'warm' | 'cold' | 'contended'

interface Row {
  scenario: string
  server: string
  mode: Mode
  result: ScenarioResult
  rssPeak: number
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a')
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a')
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t))
const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN) : Number.NaN
}

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

const protocolOf = (which: Which): Protocol => (which === 'hocuspocus' ? 'hocuspocus' : 'y-websocket')

/** What a fresh session of ours holds; the other servers' rooms are given the same before the clients join. */
const SEED = sessionSeed()

/**
 * Puts SEED into a room of the reference, which keeps a room in memory
 * after its last client leaves: one client brings it, a second one waits
 * until the server hands it out, then both leave.
 */
async function seedReferenceRoom(server: ServerProcess, name: string): Promise<void> {
  const carrier = new Y.Doc()
  Y.applyUpdate(carrier, SEED)
  const probe = new Y.Doc()
  const bring = connectClient('y-websocket', server.wsUrl, name, carrier, {})
  try {
    await bring.synced
    const check = connectClient('y-websocket', server.wsUrl, name, probe, {})
    try {
      await check.synced
      const deadline = Date.now() + 10_000
      while (probe.getMap(Y_SESSION).get('title') === undefined) {
        if (Date.now() > deadline) throw new Error(`the reference did not take the seed of room ${name}`)
        await sleep(5)
      }
    } finally {
      check.destroy()
    }
  } finally {
    bring.destroy()
    carrier.destroy()
    probe.destroy()
  }
}

async function roomNames(server: ServerProcess, which: Which, count: number): Promise<string[]> {
  // Our server only serves existing sessions; the others take any room name (Hocuspocus loads SEED into each).
  if (which === 'ours') return createRooms(server, count)
  const names = Array.from({ length: count }, () => `bench${crypto.randomBytes(4).toString('hex')}`)
  if (which === 'reference') for (const name of names) await seedReferenceRoom(server, name)
  return names
}

/** Two clients on a session of their own exchange 200 updates: the server's code paths are warm. */
async function warmUp(server: ServerProcess, which: Which): Promise<void> {
  const [name] = await roomNames(server, which, 1)
  const params: Record<string, string> = which === 'ours' ? { token: ADMIN_TOKEN } : {}
  const a = new Y.Doc()
  const b = new Y.Doc()
  const ca = connectClient(protocolOf(which), server.wsUrl, name ?? 'warm', a, params)
  const cb = connectClient(protocolOf(which), server.wsUrl, name ?? 'warm', b, params)
  await Promise.all([ca.synced, cb.synced])
  for (let i = 0; i < 200; i++) {
    a.getMap('warm').set(`k${i}`, i)
    if (i % 20 === 0) await sleep(5)
  }
  const deadline = Date.now() + 10_000
  while (b.getMap('warm').size < 200 && Date.now() < deadline) await sleep(10)
  ca.destroy()
  cb.destroy()
  await sleep(200)
}

/**
 * The clients live in this process: its JIT is cold at the first measurement,
 * which then costs whichever server comes first. One scenario against a
 * throwaway reference server, not counted, warms them.
 */
async function warmClients(): Promise<void> {
  const server = await ServerProcess.reference()
  try {
    const spec = SCENARIOS[0]
    if (spec) await runScenario({ ...spec, name: 'client warm-up', updatesPerWriter: 50 }, { protocol: 'y-websocket', url: server.wsUrl, params: {} }, ['warmup'])
  } finally {
    await server.stop()
  }
}

function startBurner(): ChildProcess {
  return spawn(process.execPath, ['-e', 'const end = Date.now() + 3_600_000; while (Date.now() < end) {}'], { stdio: 'ignore' })
}

async function startServer(which: Which): Promise<ServerProcess> {
  if (which === 'ours') return ServerProcess.ours(ADMIN_TOKEN)
  if (which === 'reference') return ServerProcess.reference()
  return ServerProcess.hocuspocus(SEED)
}

async function measure(spec: ScenarioSpec, which: Which, mode: Mode): Promise<Row> {
  const server = await startServer(which)
  let burner: ChildProcess | null = null
  try {
    if (mode !== 'cold') await warmUp(server, which)
    const names = await roomNames(server, which, spec.rooms)
    if (mode === 'contended') burner = startBurner()
    server.startSampling()
    const target: Target = { protocol: protocolOf(which), url: server.wsUrl, params: which === 'ours' ? { token: ADMIN_TOKEN } : {} }
    const result = await runScenario(spec, target, names)
    const rssPeak = server.stopSampling()
    return { scenario: spec.name, server: server.name, mode, result, rssPeak }
  } finally {
    burner?.kill('SIGKILL')
    await server.stop()
  }
}

function medianRow(rows: Row[]): Row {
  const first = rows[0]
  if (!first) throw new Error('no rows')
  const pick = (f: (r: Row) => number) => median(rows.map(f))
  return {
    ...first,
    rssPeak: pick((r) => r.rssPeak),
    result: {
      syncMs: pick((r) => r.result.syncMs),
      synced: pick((r) => r.result.synced),
      p50: pick((r) => r.result.p50),
      p95: pick((r) => r.result.p95),
      p99: pick((r) => r.result.p99),
      delivered: pick((r) => r.result.delivered),
      expected: first.result.expected,
    },
  }
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'mode', 'server', 'all synced (ms)', 'p50 (ms)', 'p99 (ms)', 'delivered/expected', 'peak RSS (MB)']
  const lines = rows.map((r) => [
    r.scenario,
    r.mode,
    r.server,
    ms(r.result.syncMs),
    ms(r.result.p50),
    ms(r.result.p99),
    `${r.result.delivered}/${r.result.expected}`,
    mb(r.rssPeak),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(fmt(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const l of lines) console.log(fmt(l))
}

function printRatios(rows: Row[]): void {
  console.log('\nratios ours/reference (and hocuspocus/reference); below 1.00 ours is better:')
  for (const spec of SCENARIOS) {
    for (const mode of ['warm', 'cold', 'contended'] as const) {
      const of = (server: string) => rows.find((r) => r.scenario === spec.name && r.mode === mode && r.server === server)
      const ours = of('brownpaper')
      const ref = of('reference')
      const hp = of('hocuspocus')
      if (!ours || !ref) continue
      const line = (r: Row) =>
        `p50 ${ratio(r.result.p50, ref.result.p50)}, p99 ${ratio(r.result.p99, ref.result.p99)}, all synced ${ratio(r.result.syncMs, ref.result.syncMs)}, peak RSS ${ratio(r.rssPeak, ref.rssPeak)} (+${mb(r.rssPeak - ref.rssPeak)} MB)`
      console.log(`  ${spec.name}, ${mode}: ours ${line(ours)}${hp ? ` | hocuspocus ${line(hp)}` : ''}`)
    }
  }
}

async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `bp_bench_${crypto.randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  try {
    return await fn(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

/** Writers on instance 1, listeners on instance 2 (PostgreSQL + Redis), against one instance on PostgreSQL. */
async function benchCluster(): Promise<void> {
  const spec = SCENARIOS[0]
  if (!spec) return
  console.log('\ntwo instances on PostgreSQL + Redis: writers on instance 1, listeners on instance 2 (warm)')
  const results: { name: string; result: ScenarioResult; rss: number[] }[] = []
  await withDatabase(async (url) => {
    const single = await ServerProcess.ours(ADMIN_TOKEN, { DATABASE_URL: url }, 'one instance, PostgreSQL')
    try {
      await warmUp(single, 'ours')
      const names = await createRooms(single, spec.rooms)
      single.startSampling()
      const result = await runScenario(spec, { protocol: 'y-websocket', url: single.wsUrl, params: { token: ADMIN_TOKEN } }, names)
      results.push({ name: single.name, result, rss: [single.stopSampling()] })
    } finally {
      await single.stop()
    }
  })
  await withDatabase(async (url) => {
    const env = { DATABASE_URL: url, REDIS_URL, REDIS_PREFIX: `bp-bench-${crypto.randomBytes(3).toString('hex')}:` }
    const one = await ServerProcess.ours(ADMIN_TOKEN, env, 'instance 1')
    const two = await ServerProcess.ours(ADMIN_TOKEN, env, 'instance 2')
    try {
      await warmUp(one, 'ours')
      await warmUp(two, 'ours')
      const names = await createRooms(one, spec.rooms)
      one.startSampling()
      two.startSampling()
      const target: Target = { protocol: 'y-websocket', url: one.wsUrl, listenerUrl: two.wsUrl, params: { token: ADMIN_TOKEN } }
      const result = await runScenario(spec, target, names)
      results.push({ name: 'two instances + Redis', result, rss: [one.stopSampling(), two.stopSampling()] })
    } finally {
      await one.stop()
      await two.stop()
    }
  })
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(26)} ${spec.name}: all synced ${ms(r.result.syncMs)} ms, p50 ${ms(r.result.p50)} ms, p99 ${ms(r.result.p99)} ms, ` +
        `delivered ${r.result.delivered}/${r.result.expected}, peak RSS ${r.rss.map(mb).join(' + ')} MB`,
    )
  }
  const [single, cluster] = results
  if (single && cluster) {
    console.log(`  cross-instance/single-instance: p50 ${ratio(cluster.result.p50, single.result.p50)}, p99 ${ratio(cluster.result.p99, single.result.p99)}`)
  }
}

/** 600 clients (20 rooms x 30), 2 writers per room at 1 update/s, RSS sampled every 10 s. */
async function benchSoak(minutes: number): Promise<void> {
  console.log(`\nsoak: ours (SQLite), 20 rooms x 30 clients = 600 clients, 2 writers per room at 1 update/s, ${minutes} min`)
  const server = await ServerProcess.ours(ADMIN_TOKEN)
  const clients: { doc: Y.Doc; destroy: () => void }[] = []
  try {
    const names = await createRooms(server, 20)
    const writers: Y.Doc[] = []
    const syncs: Promise<void>[] = []
    for (const name of names) {
      for (let c = 0; c < 30; c++) {
        const doc = new Y.Doc()
        const client = connectClient('y-websocket', server.wsUrl, name, doc, { token: ADMIN_TOKEN })
        syncs.push(client.synced)
        clients.push({ doc, destroy: client.destroy })
        if (c < 2) writers.push(doc)
      }
    }
    await Promise.all(syncs)
    const samples: { at: number; rss: number }[] = []
    const start = Date.now()
    const end = start + minutes * 60_000
    let i = 0
    let nextSample = start
    while (Date.now() < end) {
      for (const doc of writers) doc.getMap<string>('soak').set(`k${i % 500}`, `waarde ${i} ${'x'.repeat(i % 50)}`)
      i++
      if (Date.now() >= nextSample) {
        samples.push({ at: Date.now() - start, rss: server.rss })
        nextSample += 10_000
      }
      await sleep(1_000)
    }
    samples.push({ at: Date.now() - start, rss: server.rss })
    const first = samples.find((s) => s.at >= Math.min(60_000, (minutes * 60_000) / 5)) ?? samples[0]
    const last = samples[samples.length - 1]
    const peak = Math.max(...samples.map((s) => s.rss))
    console.log(`  RSS (MB) every 10 s: ${samples.map((s) => mb(s.rss)).join(' ')}`)
    if (first && last) {
      console.log(
        `  after ${(first.at / 1000).toFixed(0)} s: ${mb(first.rss)} MB, at the end: ${mb(last.rss)} MB, peak ${mb(peak)} MB, ` +
          `growth ${(((last.rss - first.rss) / first.rss) * 100).toFixed(1)} % (${i * writers.length} updates)`,
      )
    }
  } finally {
    for (const c of clients) {
      c.destroy()
      c.doc.destroy()
    }
    await server.stop()
  }
}

async function main(): Promise<void> {
  // Every provider adds a process 'exit' listener.
  process.setMaxListeners(0)
  const started = Date.now()
  console.log(`Brownpaper bench — Node ${process.version}, ${process.platform}, ${os.cpus().length} CPUs, rounds ${ROUNDS}`)
  console.log(`ours: ${BUILT ? 'dist/server/main.js (the build, with the Node flags of npm start), all on plain Node' : 'server/main.ts, all under tsx'}, SQLite (WAL; the document log's commits fdatasynced off the event loop, S59), every update durable before broadcast`)
  console.log('reference: @y/websocket-server 0.1.1, in memory; hocuspocus: @hocuspocus/server 4.7.0, bare, in memory')
  console.log(`every server's rooms start with a fresh session's content (${SEED.length} bytes: its info and default sheets)`)
  console.log('warm: 200 updates on another session first; cold: measured right after start; contended: warm, with a CPU-bound process beside it\n')
  if (!SKIP.has('matrix')) {
    await warmClients()
    const rows: Row[] = []
    for (const [i, spec] of SCENARIOS.entries()) {
      if (ONLY_SCENARIOS.size > 0 && !ONLY_SCENARIOS.has(String(i + 1))) continue
      for (const mode of ['warm', 'cold', 'contended'] as const) {
        if (ONLY_MODES.size > 0 && !ONLY_MODES.has(mode)) continue
        // Interleaved (ours, reference, hocuspocus, ours, …): a slow minute of the machine falls on all servers alike.
        const servers = (['ours', 'reference', 'hocuspocus'] as const).filter((which) => ONLY_SERVERS.size === 0 || ONLY_SERVERS.has(which))
        const runs = new Map<Which, Row[]>(servers.map((which) => [which, []]))
        for (let round = 0; round < ROUNDS; round++) {
          for (const which of servers) runs.get(which)?.push(await measure(spec, which, mode))
        }
        for (const which of servers) rows.push(medianRow(runs.get(which) ?? []))
      }
    }
    printTable(rows)
    printRatios(rows)
  }
  if (!SKIP.has('cluster')) await benchCluster()
  if (!SKIP.has('soak') && SOAK_MINUTES > 0) await benchSoak(SOAK_MINUTES)
  if (!SKIP.has('export')) await benchVerslagExport()
  if (!SKIP.has('coldload')) await benchColdLoad()
  console.log(`\nbench took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
