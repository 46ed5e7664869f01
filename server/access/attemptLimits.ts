/**
 * P16: failed login, setup and join attempts are limited per account and per
 * client address, each with its own budget (SPEC P16, P22). Failures of one
 * account never block another account's right password; an address (one
 * hospital NAT) has a much larger budget than an account. Only failures
 * count (an answer of 400 and up, except the 429 itself); a success clears
 * its account's count. The client address is `req.ip`, which follows
 * X-Forwarded-For only behind a configured proxy (TRUST_PROXY, P23).
 *
 * An attempt takes one from its budgets before it runs and gives it back
 * when it did not fail, so that attempts in flight count too: requests in
 * parallel cannot get past a budget. The counts live in an AttemptCounter:
 * in this process (fixed windows, bounded in memory), or with the cluster
 * configured in Redis, shared by every instance (K8).
 */
import crypto from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import { HttpError } from '../core/http/errors'

/** The budgets of P22, and the short links' failed look-ups (M7). */
export type AttemptKind = 'login' | 'setup' | 'join' | 'shortLink'

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

/** One budget an attempt takes from: a key and the failures it may have per window. */
export interface AttemptBudgetKey {
  key: string
  limit: number
}

/**
 * Where the counts live. `take` is all or nothing: when one of the keys has
 * spent its budget nothing is taken and the answer is the wait in
 * milliseconds until that key's window ends; otherwise each key's count goes
 * up by one (a key's window starts with its first count) and the answer is 0.
 */
export interface AttemptCounter {
  take(keys: readonly AttemptBudgetKey[], windowMs: number): Promise<number>
  /** An attempt that did not fail: gives its count back to `key` (never below 0). */
  giveBack(key: string): Promise<void>
  /** Forgets `key`'s count (a successful login clears its account). */
  clear(key: string): Promise<void>
}

/** Entries kept before expired ones are swept; beyond twice this the oldest go. */
const SWEEP_AT = 10_000

/** The counts in this process: fixed windows, bounded in memory. */
export class MemoryAttemptCounter implements AttemptCounter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>()

  constructor(private readonly now: () => number = () => Date.now()) {}

  take(keys: readonly AttemptBudgetKey[], windowMs: number): Promise<number> {
    return Promise.resolve(this.takeNow(keys, windowMs))
  }

  /** `take` without the promise (the Redis counter falls back on it). */
  takeNow(keys: readonly AttemptBudgetKey[], windowMs: number): number {
    const now = this.now()
    let wait = 0
    for (const { key, limit } of keys) {
      const entry = this.live(key, now)
      if (entry && entry.count >= limit) wait = Math.max(wait, entry.resetAt - now)
    }
    if (wait > 0) return wait
    for (const { key } of keys) {
      const entry = this.live(key, now)
      if (entry) entry.count++
      else {
        this.entries.set(key, { count: 1, resetAt: now + windowMs })
        if (this.entries.size > SWEEP_AT) this.sweep(now)
      }
    }
    return 0
  }

  giveBack(key: string): Promise<void> {
    const entry = this.live(key, this.now())
    if (entry && entry.count > 0) entry.count--
    return Promise.resolve()
  }

  clear(key: string): Promise<void> {
    this.entries.delete(key)
    return Promise.resolve()
  }

  private live(key: string, now: number): { count: number; resetAt: number } | null {
    const entry = this.entries.get(key)
    if (!entry) return null
    if (entry.resetAt > now) return entry
    this.entries.delete(key)
    return null
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

/**
 * The account a login names: its email as the login form normalises it,
 * hashed, so that no shared store (Redis) holds email addresses.
 */
function accountOf(req: Request): string | null {
  const body: unknown = req.body
  if (typeof body !== 'object' || body === null || !('email' in body) || typeof body.email !== 'string') return null
  const email = body.email.trim().toLowerCase()
  return email && email.length <= 254 ? crypto.createHash('sha256').update(email).digest('base64url') : null
}

export class AttemptLimiter {
  constructor(
    readonly kind: AttemptKind,
    private readonly budget: AttemptBudget,
    private readonly windowMs: number,
    private readonly counter: AttemptCounter,
  ) {}

  /**
   * The middleware: 429 rate_limited while the address or the account has
   * spent its budget; otherwise takes one from each and gives it back when
   * the answer is not a failure (below 400, or a 429 of another guard).
   */
  readonly guard: RequestHandler = async (req, res, next) => {
    const address = `${this.kind}:address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`
    const email = this.budget.perAccount > 0 ? accountOf(req) : null
    const account = email ? `${this.kind}:account:${email}` : null
    const keys: AttemptBudgetKey[] = [{ key: address, limit: this.budget.perAddress }]
    if (account) keys.push({ key: account, limit: this.budget.perAccount })
    const wait = await this.counter.take(keys, this.windowMs)
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)))
      const minutes = Math.max(1, Math.ceil(wait / 60_000))
      throw new HttpError(429, 'rate_limited', `Te veel mislukte pogingen; probeer het over ${minutes} minuten opnieuw (too many failed attempts, retry in ${minutes} min)`)
    }
    // An answer that never finished (the client went away) stays counted.
    res.on('finish', () => {
      if (res.statusCode >= 400 && res.statusCode !== 429) return
      void this.counter.giveBack(address)
      if (account && res.statusCode < 400) void this.counter.clear(account)
      else if (account) void this.counter.giveBack(account)
    })
    next()
  }
}

export interface AttemptLimiters {
  login: AttemptLimiter
  setup: AttemptLimiter
  join: AttemptLimiter
}

/** The three limiters on one counter: in this process unless `counter` says otherwise (K8). */
export function attemptLimiters(settings: AttemptLimitSettings = DEFAULT_ATTEMPT_LIMITS, counter: AttemptCounter = new MemoryAttemptCounter()): AttemptLimiters {
  return {
    login: new AttemptLimiter('login', settings.login, settings.windowMs, counter),
    setup: new AttemptLimiter('setup', settings.setup, settings.windowMs, counter),
    join: new AttemptLimiter('join', settings.join, settings.windowMs, counter),
  }
}
