/**
 * L6: open websockets per identity and per client address, counted once the
 * grant is known and until the socket closes; trusted automation is exempt.
 */
import type { Grant } from './Grant'

/** L6: open websockets per identity (an invite token, a participant, an account) and per client address. */
export interface SocketLimits {
  perIdentity: number
  perAddress: number
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { perIdentity: 20, perAddress: 300 }

/** The identity a socket counts against (its grant's actor); null for trusted automation (`unlimited`, P3). */
export function identityKeyOf(grant: Grant): string | null {
  return grant.unlimited ? null : `${grant.actor.kind}:${grant.actor.id}`
}

export class SocketCounter {
  private readonly counts = new Map<string, number>()

  constructor(private readonly limits: SocketLimits) {}

  /** Takes a place for `key` if one is free under `max`; returns the release, or null when full. */
  private take(key: string, max: number): (() => void) | null {
    const n = this.counts.get(key) ?? 0
    if (n >= max) return null
    this.counts.set(key, n + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.counts.get(key) ?? 1) - 1
      if (left <= 0) this.counts.delete(key)
      else this.counts.set(key, left)
    }
  }

  address(address: string): (() => void) | null {
    return this.take(`address:${address}`, this.limits.perAddress)
  }

  identity(grant: Grant): (() => void) | null {
    const key = identityKeyOf(grant)
    return key === null ? () => undefined : this.take(key, this.limits.perIdentity)
  }
}
