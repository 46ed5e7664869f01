/** P16: at most `limit` failed login/setup/join attempts per client address per window. */
import type { RequestHandler } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'

/** `store`: shared by every instance (K6); express-rate-limit's memory store otherwise. */
export function loginLimiter(limit = 10, windowMs = 15 * 60_000, store?: Store): RequestHandler {
  return rateLimit({
    store,
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: 'rate_limited', message: 'Te veel pogingen; probeer het over een kwartier opnieuw (too many attempts)' })
    },
  })
}
