/**
 * The server's environment, validated once at start-up. A bad value stops the
 * process with a message naming the variable, instead of failing later.
 */
import { isIP } from 'node:net'
import { z } from 'zod'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

/** Express's 'trust proxy': off, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[]

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])
const isProxyAddress = (item: string): boolean => {
  if (PROXY_NAMES.has(item)) return true
  const [address, bits, extra] = item.split('/')
  if (extra !== undefined || !address) return false
  const version = isIP(address)
  if (version === 0) return false
  return bits === undefined || (/^[0-9]{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
}

/**
 * P23 TRUST_PROXY: unset or "false" trusts no proxy (X-Forwarded-* ignored);
 * "1"…"10" trusts that many hops; otherwise a comma-separated list of
 * loopback, linklocal, uniquelocal, addresses and subnets. "true" (trust
 * anyone) is refused: every client could then choose its own address.
 */
const trustProxySchema = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      const text = (value ?? 'false').trim().toLowerCase()
      if (text === 'false' || text === '0') return false
      if (/^[0-9]+$/.test(text) && Number(text) <= 10) return Number(text)
      const items = text.split(',').map((item) => item.trim()).filter(Boolean)
      if (text !== 'true' && items.length > 0 && items.every(isProxyAddress)) return items
      ctx.addIssue({
        code: 'custom',
        message: 'must be false, a hop count (1–10), or the proxy addresses: loopback, linklocal, uniquelocal, IPs or subnets (comma-separated); "true" would let every client choose its own address',
      })
      return z.NEVER
    }),
)

export const configSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65_535).default(3000)),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default('./data')),
  // Any non-empty secret is accepted (automation chooses it); main.ts warns when it is short.
  BROWNPAPER_ADMIN_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /** Public origin (https://brownpaper.example.nl) for join and setup links and the websocket origin check. */
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://brownpaper.example.nl' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  TLDRAW_LICENSE_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS).default('info')),
  TRUST_PROXY: trustProxySchema,
  /** H5: versions kept per session (vaststellingen are always kept). */
  HISTORY_KEEP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).default(200)),
  /** H1: at most one periodic version per this many milliseconds while a board changes. */
  HISTORY_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1000).default(600_000)),
  /** H3: a change deleting more board records than this is preceded by a version. */
  HISTORY_DELETE_THRESHOLD: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(5)),
  /** G8: audit entries (failed logins included) older than this many days are purged. */
  AUDIT_RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(36_500).default(365)),
  /** G8: how often audit entries and expired logins are purged. */
  PRIVACY_PURGE_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1000).default(3_600_000)),
  /** S30: PostgreSQL instead of SQLite in DATA_DIR (postgres://user@host:5432/db). */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://brownpaper@127.0.0.1:5432/brownpaper')
      .optional(),
  ),
  /** K1: Redis shared by every instance (redis://127.0.0.1:6379); needs DATABASE_URL. */
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a Redis URL such as redis://127.0.0.1:6379')
      .optional(),
  ),
  /** K1: prefix of every Redis key and channel, so that several deployments (or test runs) share one Redis. */
  REDIS_PREFIX: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" or "-" only').default('bp:')),
  /** K4: how long a room's lease lasts unless renewed (an open room renews it at a third of this); a crashed holder's rooms move on after it. */
  ROOM_LEASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1000).max(3_600_000).default(60_000)),
}).refine((c) => !c.REDIS_URL || c.DATABASE_URL, {
  path: ['REDIS_URL'],
  message: 'needs DATABASE_URL: instances that share Redis must share one PostgreSQL database',
})

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`)
}
