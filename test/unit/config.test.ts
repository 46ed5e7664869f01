import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config'

describe('server configuration', () => {
  it('uses port 3000, ./data and log level info by default', () => {
    expect(loadConfig({})).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' })
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
      }),
    ).toEqual({
      PORT: 0,
      DATA_DIR: '/var/lib/brownpaper',
      BROWNPAPER_ADMIN_TOKEN: 'a-long-enough-secret',
      TLDRAW_LICENSE_KEY: 'key',
      LOG_LEVEL: 'debug',
      PUBLIC_URL: 'https://brownpaper.example.nl',
    })
  })

  it('accepts a short admin token chosen by automation', () => {
    expect(loadConfig({ BROWNPAPER_ADMIN_TOKEN: 'secret' }).BROWNPAPER_ADMIN_TOKEN).toBe('secret')
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', BROWNPAPER_ADMIN_TOKEN: '' })).toEqual({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' })
  })

  it('fails with a message naming each bad variable', () => {
    const attempt = () => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' })
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(/PORT/)
    expect(attempt).toThrow(/LOG_LEVEL/)
    expect(attempt).toThrow(/PUBLIC_URL: must be an http\(s\) URL/)
  })
})
