/**
 * A server under test in its own process, so that its RSS is its own: ours
 * (SQLite in a temp DATA_DIR, or PostgreSQL/Redis through `env`; the build
 * with the Node flags of `npm start`), the
 * reference @y/websocket-server or a bare Hocuspocus 4 (both in memory).
 * When the server is built (dist/server/main.js, as `npm start` runs it), all
 * run on plain Node; otherwise all as `node --import tsx`, so that the loader
 * costs the same.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startArgs } from '../test/helpers/startArgs'

const ROOT = path.resolve(import.meta.dirname, '..')
export const BUILT = fs.existsSync(path.join(ROOT, 'dist/server/main.js'))
const LOADER = BUILT ? [] : ['--import', 'tsx']
/** Extra Node flags for our server only (e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'). */
const OURS_NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
  return kb ? Number(kb) * 1024 : Number.NaN
}

export class ServerProcess {
  private peak = 0
  private sampler: NodeJS.Timeout | null = null

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly httpUrl: string,
    /** y-websocket serverUrl: the room name is appended. */
    readonly wsUrl: string,
    private readonly dataDir: string | null,
  ) {}

  static async ours(adminToken: string, env: Record<string, string> = {}, name = 'brownpaper'): Promise<ServerProcess> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-'))
    const child = spawn(process.execPath, [...OURS_NODE_ARGS, ...(BUILT ? startArgs() : [...LOADER, 'server/main.ts'])], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, BROWNPAPER_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const port = await new Promise<number>((resolve, reject) => {
      let out = ''
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString()
        const match = /Brownpaper listening on http:\/\/localhost:(\d+)/.exec(out)
        if (match?.[1]) resolve(Number(match[1]))
      })
      child.once('exit', (code) => reject(new Error(`our server exited with ${code}`)))
    })
    // 127.0.0.1, as for the others: a name would cost every client a DNS lookup on the threadpool.
    return new ServerProcess(name, child, `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}/yjs`, dataDir)
  }

  /** With `seed` (a Yjs update), every document starts with that content (bench/hocuspocusServer.mjs). */
  static async hocuspocus(seed?: Uint8Array): Promise<ServerProcess> {
    const port = await freePort()
    const child = spawn(process.execPath, [...LOADER, 'bench/hocuspocusServer.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), ...(seed ? { BENCH_SEED: Buffer.from(seed).toString('base64') } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => d.toString().includes('hocuspocus running') && resolve())
      child.once('exit', (code) => reject(new Error(`hocuspocus exited with ${code}`)))
    })
    return new ServerProcess('hocuspocus', child, `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}`, null)
  }

  static async reference(): Promise<ServerProcess> {
    const port = await freePort()
    const child = spawn(process.execPath, [...LOADER, 'node_modules/@y/websocket-server/src/server.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => d.toString().includes('running at') && resolve())
      child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)))
    })
    return new ServerProcess('reference', child, `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port}`, null)
  }

  get rss(): number {
    return this.child.pid ? rssOf(this.child.pid) : Number.NaN
  }

  /** Starts sampling RSS every 100 ms; returns the peak so far on stop. */
  startSampling(): void {
    this.peak = this.rss
    this.sampler = setInterval(() => {
      this.peak = Math.max(this.peak, this.rss)
    }, 100)
  }

  stopSampling(): number {
    if (this.sampler) clearInterval(this.sampler)
    this.sampler = null
    this.peak = Math.max(this.peak, this.rss)
    return this.peak
  }

  async stop(): Promise<void> {
    this.stopSampling()
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve))
      this.child.kill('SIGTERM')
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true })
  }
}
