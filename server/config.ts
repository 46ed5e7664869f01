/**
 * The server's environment, validated once at start-up. A bad value stops the
 * process with a message naming the variable, instead of failing later.
 */
import { z } from 'zod'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

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
