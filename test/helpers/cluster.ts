/**
 * Several real server processes on one PostgreSQL database of their own and
 * one Redis (a key prefix of their own), as in the README's two-instance
 * setup; plus a TCP front that forwards to the first instance still alive,
 * as a load balancer would after a crash.
 */
import crypto from 'node:crypto'
import net from 'node:net'
import { createTestDatabase, type TestDatabase } from './pgDatabase'
import { spawnServer, type ServerProcess } from './spawnServer'
import { tempDir } from './tempDir'

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export interface Cluster {
  db: TestDatabase
  prefix: string
  env: Record<string, string>
  instances: ServerProcess[]
  /** Starts one more instance on the same database and Redis. */
  spawn(extra?: Record<string, string>): Promise<ServerProcess>
  stop(): Promise<void>
}

/** `settings`: more environment for every instance (e.g. ROOM_LEASE_MS). */
export async function startCluster(size: number, settings: Record<string, string> = {}): Promise<Cluster> {
  const db = await createTestDatabase()
  const prefix = `bp-test-${crypto.randomBytes(4).toString('hex')}:`
  const env = { ...settings, DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix }
  const instances: ServerProcess[] = []
  const spawn = async (extra: Record<string, string> = {}) => {
    const instance = await spawnServer({ ...env, DATA_DIR: tempDir(), ...extra })
    instances.push(instance)
    return instance
  }
  // One at a time: the first runs the migrations, the others find them applied.
  for (let i = 0; i < size; i++) await spawn()
  return {
    db,
    prefix,
    env,
    instances,
    spawn,
    stop: async () => {
      for (const p of instances) {
        if (p.child.exitCode === null && p.child.signalCode === null) {
          p.child.kill('SIGTERM')
          await p.exited
        }
      }
      await db.drop()
    },
  }
}

export interface Front {
  port: number
  wsUrl: string
  close(): Promise<void>
}

/** Forwards each new connection to the first of `targets` that accepts it. */
export async function startFront(targets: () => number[]): Promise<Front> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.pause()
    const tryTarget = (ports: number[]) => {
      const [port, ...rest] = ports
      if (port === undefined) {
        client.destroy()
        return
      }
      const upstream = net.connect(port, '127.0.0.1')
      upstream.once('error', () => {
        upstream.destroy()
        tryTarget(rest)
      })
      upstream.once('connect', () => {
        sockets.add(upstream)
        upstream.on('close', () => {
          sockets.delete(upstream)
          client.destroy()
        })
        upstream.on('error', () => client.destroy())
        client.on('error', () => upstream.destroy())
        client.on('close', () => upstream.destroy())
        client.pipe(upstream)
        upstream.pipe(client)
        client.resume()
      })
    }
    tryTarget(targets())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/yjs`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
