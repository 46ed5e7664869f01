/**
 * Who a websocket connection is, as the core sees it. The core knows no
 * roles or policies: an extension's `authenticateConnection` hook
 * (server/access/ for Brownpaper) decides and answers a Grant or a Refusal.
 */

/** The caller behind a connection or a server-side change; extensions narrow it to their own type. */
export interface Principal {
  readonly kind: string
  readonly id: string
}

/** What a websocket connection may do in its session. */
export interface Grant {
  actor: Principal
  /** A read-only grant (waarnemer) may read and show presence; its document updates are refused (P6, S7). */
  readOnly: boolean
  /** Trusted automation: exempt from the per-connection rate limit (P3, P15) and the socket caps (L6). */
  unlimited?: boolean
  /** When the grant ends (a login's or invite's expiry): the socket is closed then, by a timer (W19). */
  expiresAt?: string
  /** An opaque key of the credential it came from (a login): its sockets close when that ends (W18). */
  credential?: string
}

/** A refused websocket: closed with `code` (CloseCode.Unauthorized, Forbidden, UnknownSession). */
export interface Refusal {
  code: number
  reason: string
}

export function isRefusal(answer: Grant | Refusal): answer is Refusal {
  return 'code' in answer
}
