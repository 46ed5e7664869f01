/** The origin join links point at: PUBLIC_URL when set, else the request's own. */
import type { Request } from 'express'

export function publicOrigin(req: Request): string {
  const configured = process.env.PUBLIC_URL?.replace(/\/+$/, '')
  if (configured) return configured
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`
}
