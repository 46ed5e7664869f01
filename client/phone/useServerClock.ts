import { useEffect, useState } from 'react'
import { clockOffset, serverTimeResponseSchema } from '../../shared/facilitation'
import { apiFetch } from '../api/apiFetch'

/**
 * The server's clock as this browser sees it (SPEC F5): `now()` is the
 * local time plus the offset measured over one round trip of GET /api/time
 * (zero until measured, or when the server does not answer).
 */
export function useServerNow(tickMs: number, active: boolean): number {
  const [offset, setOffset] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let live = true
    const sentAt = Date.now()
    apiFetch('/api/time', serverTimeResponseSchema).then(
      ({ serverNow }) => live && setOffset(clockOffset(sentAt, Date.now(), serverNow)),
      () => {},
    )
    return () => {
      live = false
    }
  }, [])
  useEffect(() => {
    setNow(Date.now())
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), tickMs)
    return () => clearInterval(timer)
  }, [active, tickMs])
  return now + offset
}
