import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config'

/** history (H5): HISTORY_KEEP, HISTORY_INTERVAL_MS, HISTORY_DELETE_THRESHOLD when unset. */
const HISTORY = { HISTORY_KEEP: 200, HISTORY_INTERVAL_MS: 600_000, HISTORY_DELETE_THRESHOLD: 5, AUDIT_RETENTION_DAYS: 365, PRIVACY_PURGE_INTERVAL_MS: 3_600_000 }
/** P23: no proxy trusted when TRUST_PROXY is unset. */
/** K1: the Redis key prefix when REDIS_PREFIX is unset; K4: a room's lease lasts a minute unless renewed. */
const DEFAULTS = { ...HISTORY, TRUST_PROXY: false, REDIS_PREFIX: 'bp:', ROOM_LEASE_MS: 60_000 }

describe('server configuration', () => {
  it('uses port 3000, ./data and log level info by default', () => {
    expect(loadConfig({})).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', ...DEFAULTS })
  })

  it('reads every setting, and PORT=0 for a free port', () => {
    expect(
      loadConfig({
        PORT: '0',
        DATA_DIR: '/var/lib/brownpaper',
        BROWNPAPER_ADMIN_TOKEN: 'a-long-enough-secret',
        TLDRAW_LICENSE_KEY: 'key',
        LOG_LEVEL: 'debug',
        PUBLIC_URL: 'https://brownpaper.example.nl/',
        DATABASE_URL: 'postgres://brownpaper@127.0.0.1:5432/brownpaper',
        REDIS_URL: 'redis://127.0.0.1:6379',
      }),
    ).toEqual({
      PORT: 0,
      DATA_DIR: '/var/lib/brownpaper',
      BROWNPAPER_ADMIN_TOKEN: 'a-long-enough-secret',
      TLDRAW_LICENSE_KEY: 'key',
      LOG_LEVEL: 'debug',
      PUBLIC_URL: 'https://brownpaper.example.nl',
      DATABASE_URL: 'postgres://brownpaper@127.0.0.1:5432/brownpaper',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ...DEFAULTS,
    })
  })

  it('[H5] reads the history settings and refuses a retention below one version', () => {
    expect(loadConfig({ HISTORY_KEEP: '20', HISTORY_INTERVAL_MS: '60000', HISTORY_DELETE_THRESHOLD: '0' })).toMatchObject({
      HISTORY_KEEP: 20,
      HISTORY_INTERVAL_MS: 60_000,
      HISTORY_DELETE_THRESHOLD: 0,
    })
    expect(() => loadConfig({ HISTORY_KEEP: '0' })).toThrow(/HISTORY_KEEP/)
    expect(() => loadConfig({ HISTORY_INTERVAL_MS: 'often' })).toThrow(/HISTORY_INTERVAL_MS/)
  })

  it('[P23] TRUST_PROXY is off by default and takes a hop count or proxy addresses, never "true"', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback'])
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '::1'])
    for (const bad of ['true', 'yes', '10.0.0.0/40', '99', 'loopback;rm']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/)
    }
  })

  it('accepts a short admin token chosen by automation', () => {
    expect(loadConfig({ BROWNPAPER_ADMIN_TOKEN: 'secret' }).BROWNPAPER_ADMIN_TOKEN).toBe('secret')
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', BROWNPAPER_ADMIN_TOKEN: '' })).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', ...DEFAULTS })
  })

  it('fails with a message naming each bad variable', () => {
    const attempt = () => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' })
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(/PORT/)
    expect(attempt).toThrow(/LOG_LEVEL/)
    expect(attempt).toThrow(/PUBLIC_URL: must be an http\(s\) URL/)
  })

  it('[S30][K1] refuses a DATABASE_URL or REDIS_URL of the wrong kind, and REDIS_URL without DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/)
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@y/z', REDIS_URL: 'http://y' })).toThrow(/REDIS_URL: must be a Redis URL/)
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL: needs DATABASE_URL/)
    expect(loadConfig({ ROOM_LEASE_MS: '3000' }).ROOM_LEASE_MS).toBe(3000)
    expect(() => loadConfig({ ROOM_LEASE_MS: '10' })).toThrow(/ROOM_LEASE_MS/)
  })
})
