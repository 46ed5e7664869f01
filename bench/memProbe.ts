/**
 * What our server keeps in memory, told apart from garbage: starts the built
 * server (dist/server/main.js) with bench/memReport.mjs preloaded, and asks it
 * for its memory after a full collection (SIGUSR2) at start, after creating
 * the sessions, with every client synced, and after some writes. Figures in
 * MB; RSS also as sampled every 20 ms (its peak). Load on the machine does not
 * change these much, unlike the bench's times.
 *
 *   npx tsx bench/memProbe.ts [--rooms=20] [--clients=30] [--writes=20]
 *   [--node-args="--max-semi-space-size=1"] [--env=KEY=VALUE,…] [--server=reference]
 *   [--cursors=15] (that many clients per room move a cursor 30 times a second for 5 s)
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { connectClient, type BenchClient } from './clients'
import { rssOf } from './ServerProcess'
import { startArgs } from '../test/helpers/startArgs'

const ROOT = path.resolve(import.meta.dirname, '..')
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef'

function flag(name: string, fallback: string): string {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
  return arg ? arg.slice(name.length + 3) : fallback
}
const ROOMS = Number(flag('rooms', '20'))
const CLIENTS = Number(flag('clients', '30'))
const WRITES = Number(flag('writes', '20'))
const NODE_ARGS = flag('node-args', '').split(' ').filter(Boolean)
/** Clients per room that move a cursor (set their awareness 30 times a second, as a board does, S61) for 5 s after the writes. */
const CURSORS = Number(flag('cursors', '0'))
/** 'ours' (default) or 'reference' (@y/websocket-server, in memory: any room name). */
const SERVER = flag('server', 'ours')
const EXTRA_ENV = Object.fromEntries(
  flag('env', '')
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Mem {
  rss: number
  heapTotal: number
  heapUsed: number
  external: number
  arrayBuffers: number
  spaces: Record<string, number>
}

async function main(): Promise<void> {
  process.setMaxListeners(0)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-probe-'))
  // As `npm start` runs it (its Node flags), with the probe's flags after them.
  const start = startArgs()
  const refPort = 4400 + Math.floor(Math.random() * 90)
  const entry = SERVER === 'reference' ? [...NODE_ARGS, 'node_modules/@y/websocket-server/src/server.js'] : [...start.slice(0, -1), ...NODE_ARGS, ...start.slice(-1)]
  const child = spawn(process.execPath, ['--expose-gc', '--import', './bench/memReport.mjs', ...entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: SERVER === 'reference' ? String(refPort) : '0', HOST: '127.0.0.1', DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'warn', ...EXTRA_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pending: ((m: Mem) => void)[] = []
  let errBuf = ''
  child.stderr.on('data', (d: Buffer) => {
    errBuf += d.toString()
    let nl: number
    while ((nl = errBuf.indexOf('\n')) >= 0) {
      const line = errBuf.slice(0, nl)
      errBuf = errBuf.slice(nl + 1)
      if (line.startsWith('MEM ')) pending.shift()?.(JSON.parse(line.slice(4)) as Mem)
      else if (line.trim()) process.stderr.write(`server: ${line}\n`)
    }
  })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out)
      if (match?.[1]) resolve(Number(match[1]))
      if (SERVER === 'reference' && out.includes('running at')) resolve(refPort)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  let peak = 0
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, rssOf(child.pid))
  }, 20)
  const mb = (kb: number) => (kb / 1024).toFixed(1)
  /** CPU time of the server so far (user + system, ms; /proc ticks of 10 ms). */
  const cpuMs = () => {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  const report = async (label: string) => {
    await sleep(300)
    const mem = await new Promise<Mem>((resolve) => {
      pending.push(resolve)
      child.kill('SIGUSR2')
    })
    console.log(
      `${label.padEnd(34)} rss ${mb(mem.rss).padStart(6)}  heapUsed ${mb(mem.heapUsed).padStart(6)}  heapTotal ${mb(mem.heapTotal).padStart(6)}  ` +
        `external ${mb(mem.external).padStart(5)}  arrayBuffers ${mb(mem.arrayBuffers).padStart(5)}  new ${mb(mem.spaces.new_space ?? 0)}  peak rss so far ${(peak / 1024 / 1024).toFixed(1)}`,
    )
  }
  try {
    await report('started')
    const names: string[] = []
    for (let i = 0; i < ROOMS && SERVER === 'reference'; i++) names.push(`probe${i}x${Date.now()}`)
    for (let i = 0; i < ROOMS && SERVER !== 'reference'; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ title: `Probe ${i}`, themagroep: 'Probe' }),
      })
      if (res.status !== 201) throw new Error(`creating a session failed: ${res.status}`)
      names.push(((await res.json()) as { id: string }).id)
    }
    await report(`${ROOMS} sessions created`)
    const clients: { doc: Y.Doc; destroy: () => void; awareness: BenchClient['awareness'] }[] = []
    const t0 = performance.now()
    const cpu0 = cpuMs()
    const syncs: Promise<void>[] = []
    for (const name of names) {
      for (let c = 0; c < CLIENTS; c++) {
        const doc = new Y.Doc()
        const client = connectClient('y-websocket', `ws://127.0.0.1:${port}/yjs`, name, doc, { token: ADMIN_TOKEN })
        syncs.push(client.synced)
        clients.push({ doc, destroy: client.destroy, awareness: client.awareness })
      }
    }
    await Promise.all(syncs)
    console.log(`all synced in ${(performance.now() - t0).toFixed(0)} ms; server CPU for the joins ${cpuMs() - cpu0} ms`)
    await report(`${ROOMS}x${CLIENTS} clients synced`)
    const cpu1 = cpuMs()
    for (let i = 0; i < WRITES; i++) {
      for (let r = 0; r < ROOMS; r++) clients[r * CLIENTS]?.doc.getMap<number>('probe').set(`k${i}`, i)
      await sleep(20)
    }
    await sleep(500)
    console.log(`server CPU for the writes ${cpuMs() - cpu1} ms`)
    await report(`${WRITES} writes per room`)
    if (CURSORS > 0) {
      // The last client of each room listens: how many presence messages reach it.
      let heard = 0
      for (let r = 0; r < ROOMS; r++) {
        clients[r * CLIENTS + CLIENTS - 1]?.awareness?.on('update', () => void heard++)
      }
      const movers = clients.filter((_, i) => i % CLIENTS < CURSORS)
      const cpu2 = cpuMs()
      const started = performance.now()
      let tick = 0
      while (performance.now() - started < 5_000) {
        tick++
        // A tldraw instance presence, as a board sends it (L8 drops anything else).
        for (const m of movers) {
          m.awareness?.setLocalStateField('presence', {
            typeName: 'instance_presence',
            userName: 'Probe',
            color: '#1971c2',
            cursor: { x: tick, y: tick * 2, type: 'default', rotation: 0 },
            selectedShapeIds: [],
          })
        }
        await sleep(1000 / 30)
      }
      const seconds = (performance.now() - started) / 1000
      await sleep(300)
      console.log(
        `${CURSORS} cursors per room at 30/s for ${seconds.toFixed(1)} s: server CPU ${((cpuMs() - cpu2) / seconds).toFixed(0)} ms per second; ` +
          `a listener got ${(heard / ROOMS / seconds).toFixed(0)} presence updates per second`,
      )
    }
    for (const c of clients) {
      c.destroy()
      c.doc.destroy()
    }
    await sleep(1000)
    await report('clients gone')
  } finally {
    clearInterval(sampler)
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
