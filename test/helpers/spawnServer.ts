/**
 * Runs `server/main.ts` as a child process (or, with `entry: 'build'`, the
 * built dist/server/main.js exactly as `npm start` does), and waits for its "listening" line to learn the port. `child.pid` is
 * the server itself, so `kill('SIGKILL')` really crashes it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { TEST_ADMIN_TOKEN } from './adminToken'
import { withTimeout } from './waitFor'
import { startArgs } from './startArgs'

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: string
  wsUrl: string
  /** Everything the child wrote to stdout and stderr so far. */
  output(): { stdout: string; stderr: string }
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals | null>
}

const ROOT = path.resolve(import.meta.dirname, '../..')
const LISTENING = /^Brownpaper listening on http:\/\/localhost:(\d+)$/m

export interface SpawnOptions {
  /** Run the sources through tsx (default) or the production build in dist/server, as `npm start` does. */
  entry?: 'sources' | 'build'
  /**
   * A command the server runs under (e.g. `['strace', '-f', …]`); `child` is
   * then that command, not the server, so do not SIGKILL it to crash the server.
   */
  wrap?: string[]
}

export async function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ServerProcess> {
  // `node --import tsx` rather than the tsx CLI: the CLI runs the server in a
  // child process of its own, so a SIGKILL would hit the wrapper and orphan
  // the server instead of crashing it.
  const entryArgs = options.entry === 'build' ? startArgs() : ['--import', 'tsx', 'server/main.ts']
  const argv = [process.execPath, ...entryArgs]
  const [command, ...args] = [...(options.wrap ?? []), ...argv] as [string, ...string[]]
  const child = spawn(command, args, {
    cwd: ROOT,
    // With the tests' admin token (P3) unless `env` sets another.
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', BROWNPAPER_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString()
        const match = LISTENING.exec(stdout)
        if (match?.[1]) resolve(Number(match[1]))
      })
      void exited.then((how) => reject(new Error(`server exited (${String(how)}) before listening: ${stderr}`)))
    }),
    'the server child to listen',
    20_000,
  )
  return {
    child,
    port,
    url: `http://localhost:${port}`,
    wsUrl: `ws://localhost:${port}/yjs`,
    output: () => ({ stdout, stderr }),
    exited,
  }
}
