import type { z } from 'zod'
import { CSRF_COOKIE, CSRF_HEADER } from '../../shared/access'
import { apiErrorSchema } from '../../shared/api'
import { ApiRequestError } from './ApiRequestError'

/** The CSRF token the server set for a cookie session; sent back on every call. */
function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='))
  }
  return null
}

/**
 * Calls the JSON API and validates the answer with `schema`. Errors become an
 * ApiRequestError carrying the server's {error, message}; network failures get
 * status 0 and code "network".
 */
export async function apiFetch<S extends z.ZodType>(path: string, schema: S, init?: RequestInit): Promise<z.infer<S>> {
  let response: Response
  const csrf = csrfToken()
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
        ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
        ...init?.headers,
      },
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : String(cause))
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body)
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data.error, parsed.data.message)
    throw new ApiRequestError(response.status, 'unexpected', '')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiRequestError(response.status, 'unexpected', parsed.error.message)
  return parsed.data
}
