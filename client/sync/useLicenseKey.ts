import { useEffect, useState } from 'react'
import { fetchClientConfig } from '../api/sessionsApi'

/**
 * The tldraw license key from GET /api/config: undefined while loading,
 * null when none is configured or the server cannot be reached (offline).
 */
export function useLicenseKey(): string | null | undefined {
  const [key, setKey] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    let active = true
    fetchClientConfig().then(
      (config) => active && setKey(config.tldrawLicenseKey),
      () => active && setKey(null),
    )
    return () => {
      active = false
    }
  }, [])
  return key
}
