import { resolveShortLinkResponseSchema, shortLinkResponseSchema, type ShortLinkResponse } from '../../shared/shortLinks'
import { apiFetch } from '../api/apiFetch'

/** POST /api/sessions/:id/short-links: `/j/<code>` for an invite token (SPEC M7). */
export function createShortLink(sessionId: string, token: string): Promise<ShortLinkResponse> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/short-links`, shortLinkResponseSchema, { method: 'POST', body: JSON.stringify({ token }) })
}

/** GET /api/j/:code: the invite token a short link stands for. */
export async function resolveShortLink(code: string): Promise<string> {
  return (await apiFetch(`/api/j/${encodeURIComponent(code)}`, resolveShortLinkResponseSchema)).token
}
