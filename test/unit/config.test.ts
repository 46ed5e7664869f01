import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config'

describe('server configuration', () => {
  it('uses port 3000, ./data and log level info by default', () => {
    expect(loadConfig({})).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', REDIS_PREFIX: 'bp:' })
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
        REDIS_PREFIX: 'bp-acc:',
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
      REDIS_PREFIX: 'bp-acc:',
    })
  })

  it('accepts a short admin token chosen by automation', () => {
    expect(loadConfig({ BROWNPAPER_ADMIN_TOKEN: 'secret' }).BROWNPAPER_ADMIN_TOKEN).toBe('secret')
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', BROWNPAPER_ADMIN_TOKEN: '' })).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', REDIS_PREFIX: 'bp:' })
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
  })
})
