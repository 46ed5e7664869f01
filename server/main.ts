/**
 * `npm start`: reads the environment, opens SQLite in DATA_DIR (or PostgreSQL
 * at DATABASE_URL, sharing rooms through Redis at REDIS_URL), serves, and
 * prints exactly one line to stdout once listening. SIGTERM/SIGINT flush every
 * room before exit.
 */
import { startServer, STORE_DEFINITIONS } from './app'
import { ConfigError, loadConfig } from './config'
import { createLogger } from './core/log'
import type { RedisBus } from './cluster/RedisBus'
import type { Logger } from './core/log'
import { openBackend, redactUrl, StartError } from './core/storage/openBackend'

/** K1: Redis at REDIS_URL; an unreachable one stops the start with a readable line. */
async function connectBus(url: string, prefix: string, leaseMs: number, log: Logger): Promise<RedisBus> {
  try {
    // X16: `ioredis` loads only when REDIS_URL is set.
    const { RedisBus } = await import('./cluster/RedisBus')
    return await RedisBus.connect({ url, log, prefix, leaseMs })
  } catch (err) {
    const reason = err instanceof Error ? err.message || err.name : String(err)
    throw new StartError(`Cannot use Redis at ${redactUrl(url)} (REDIS_URL): ${reason}`)
  }
}

async function main(): Promise<void> {
  const config = loadConfig()
  const log = createLogger(config.LOG_LEVEL)
  if (config.BROWNPAPER_ADMIN_TOKEN && config.BROWNPAPER_ADMIN_TOKEN.length < 16) {
    log.warn('BROWNPAPER_ADMIN_TOKEN is shorter than 16 characters: use a long random secret outside tests')
  }
  const backend = await openBackend(config, STORE_DEFINITIONS)
  const bus = config.REDIS_URL
    ? await connectBus(config.REDIS_URL, config.REDIS_PREFIX, config.ROOM_LEASE_MS, log).catch(async (err: unknown) => {
        await backend.close()
        throw err
      })
    : undefined
  const server = await startServer({
    port: config.PORT,
    backend,
    adminToken: config.BROWNPAPER_ADMIN_TOKEN,
    tldrawLicenseKey: config.TLDRAW_LICENSE_KEY,
    publicUrl: config.PUBLIC_URL,
    trustProxy: config.TRUST_PROXY,
    log,
    bus,
    history: { keep: config.HISTORY_KEEP, intervalMs: config.HISTORY_INTERVAL_MS, deleteThreshold: config.HISTORY_DELETE_THRESHOLD },
    privacy: { auditRetentionDays: config.AUDIT_RETENTION_DAYS, purgeIntervalMs: config.PRIVACY_PURGE_INTERVAL_MS },
  })
  process.stdout.write(`Brownpaper listening on http://localhost:${server.port}\n`)
  // P13: on an empty store, a one-time link that creates the first themacoördinator.
  const setupToken = await server.access.issueSetupToken()
  if (setupToken) {
    const origin = config.PUBLIC_URL ?? `http://localhost:${server.port}`
    process.stdout.write(`Nog geen accounts. Maak de eerste themacoördinator aan: ${origin}/setup?token=${setupToken}\n`)
  }
  await server.storage.logins.deleteExpired(new Date().toISOString())

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartError) process.stderr.write(`${err.message}\n`)
  else process.stderr.write(`Brownpaper failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
