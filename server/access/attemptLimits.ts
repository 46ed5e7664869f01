/**
 * P16: failed login, setup and join attempts are limited per account and per
 * client address, each with its own budget (SPEC P16, P22). Failures of one
 * account never block another account's right password; an address (one
 * hospital NAT) has a much larger budget than an account. Only failures
 * count (an answer of 400 and up, except the 429 itself); a success clears
 * its account's count. The client address is `req.ip`, which follows
 * X-Forwarded-For only behind a configured proxy (TRUST_PROXY, P23).
 * Counts live in this process (fixed windows, bounded in memory).
 */
import type { Request, RequestHandler } from 'express'
import { HttpError } from '../core/http/errors'

export type AttemptKind = 'login' | 'setup' | 'join'

export interface AttemptBudget {
  /** Failures per account (the login's email) per window; 0 = no per-account limit. */
  perAccount: number
  /** Failures per client address per window. */
  perAddress: number
}

export interface AttemptLimitSettings {
  windowMs: number
  login: AttemptBudget
  setup: AttemptBudget
  join: AttemptBudget
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimitSettings = {
  windowMs: 15 * 60_000,
  login: { perAccount: 10, perAddress: 100 },
  setup: { perAccount: 0, perAddress: 10 },
  join: { perAccount: 0, perAddress: 100 },
}

/** Entries kept per window before expired ones are swept; beyond twice this the oldest go. */
const SWEEP_AT = 10_000

class FailureWindow {
  private readonly entries = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until `key` may try again, or 0. */
  blockedFor(key: string): number {
    const entry = this.entries.get(key)
    if (!entry) return 0
    const now = this.now()
    if (entry.resetAt <= now) {
      this.entries.delete(key)
      return 0
    }
    return entry.count >= this.limit ? entry.resetAt - now : 0
  }

  fail(key: string): void {
    const now = this.now()
    const entry = this.entries.get(key)
    if (entry && entry.resetAt > now) entry.count++
    else {
      this.entries.delete(key)
      this.entries.set(key, { count: 1, resetAt: now + this.windowMs })
      if (this.entries.size > SWEEP_AT) this.sweep(now)
    }
  }

  clear(key: string): void {
    this.entries.delete(key)
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.resetAt <= now) this.entries.delete(key)
    // Still too many live keys (a flood of distinct addresses): drop the oldest.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= SWEEP_AT * 2) break
      this.entries.delete(key)
    }
  }
}

/** The account a login names: its email as the login form normalises it. */
function accountOf(req: Request): string | null {
  const body: unknown = req.body
  if (typeof body !== 'object' || body === null || !('email' in body) || typeof body.email !== 'string') return null
  const email = body.email.trim().toLowerCase()
  return email && email.length <= 254 ? email : null
}

export class AttemptLimiter {
  private readonly byAccount: FailureWindow | null
  private readonly byAddress: FailureWindow

  constructor(
    readonly kind: AttemptKind,
    budget: AttemptBudget,
    windowMs: number,
    now: () => number = () => Date.now(),
  ) {
    this.byAccount = budget.perAccount > 0 ? new FailureWindow(budget.perAccount, windowMs, now) : null
    this.byAddress = new FailureWindow(budget.perAddress, windowMs, now)
  }

  /** The middleware: 429 rate_limited while the address or the account is blocked; counts the outcome. */
  readonly guard: RequestHandler = (req, res, next) => {
    const address = `${this.kind}:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`
    const account = this.byAccount ? accountOf(req) : null
    const wait = Math.max(this.byAddress.blockedFor(address), account ? (this.byAccount?.blockedFor(account) ?? 0) : 0)
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)))
      const minutes = Math.max(1, Math.ceil(wait / 60_000))
      throw new HttpError(429, 'rate_limited', `Te veel mislukte pogingen; probeer het over ${minutes} minuten opnieuw (too many failed attempts, retry in ${minutes} min)`)
    }
    res.on('finish', () => {
      if (res.statusCode === 429) return
      if (res.statusCode >= 400) {
        this.byAddress.fail(address)
        if (account) this.byAccount?.fail(account)
      } else if (account) {
        this.byAccount?.clear(account)
      }
    })
    next()
  }
}

export interface AttemptLimiters {
  login: AttemptLimiter
  setup: AttemptLimiter
  join: AttemptLimiter
}

export function attemptLimiters(settings: AttemptLimitSettings = DEFAULT_ATTEMPT_LIMITS, now?: () => number): AttemptLimiters {
  return {
    login: new AttemptLimiter('login', settings.login, settings.windowMs, now),
    setup: new AttemptLimiter('setup', settings.setup, settings.windowMs, now),
    join: new AttemptLimiter('join', settings.join, settings.windowMs, now),
  }
}
