/** The origin join links point at: PUBLIC_URL when configured, else the request's own. */
import type { Request } from 'express'

export function publicOrigin(req: Request, publicUrl: string | null): string {
  if (publicUrl) return publicUrl
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`
}
