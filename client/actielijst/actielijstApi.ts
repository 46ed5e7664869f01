import { z } from 'zod'
import { actieFeedSchema, actieRowSchema, actielijstSchema, type Actielijst, type ActieRow, type ActieStatus } from '../../shared/actielijst'
import { apiFetch } from '../api/apiFetch'

const base = (themagroep: string) => `/api/themagroepen/${encodeURIComponent(themagroep)}/actielijst`

/** Every afspraak of the themagroep (SPEC A1, A2); the page filters them. */
export function fetchActielijst(themagroep: string): Promise<Actielijst> {
  return apiFetch(`${base(themagroep)}.json`, actielijstSchema)
}

export function patchActieStatus(row: ActieRow, status: ActieStatus): Promise<{ changed: boolean; row: ActieRow }> {
  return apiFetch(`${base(row.themagroep)}/${encodeURIComponent(row.sessionId)}/${encodeURIComponent(row.stickyId)}`, z.object({ changed: z.boolean(), row: actieRowSchema }), {
    method: 'PATCH',
    body: JSON.stringify({ status }),
  })
}

export function carryOver(row: ActieRow, toSessionId: string): Promise<{ sessionId: string; stickyId: string }> {
  return apiFetch(`${base(row.themagroep)}/${encodeURIComponent(row.sessionId)}/${encodeURIComponent(row.stickyId)}/carry`, z.object({ sessionId: z.string(), stickyId: z.string() }), {
    method: 'POST',
    body: JSON.stringify({ toSessionId }),
  })
}

export function makeFeed(themagroep: string): Promise<{ url: string }> {
  return apiFetch(`${base(themagroep)}/feed`, actieFeedSchema, { method: 'POST' })
}

/** Download link of the list with the page's filters (A5). */
export function downloadUrl(themagroep: string, format: 'xlsx' | 'csv', status: ActieStatus | null, search: string, language: string): string {
  const params = new URLSearchParams()
  if (status) params.set('status', status)
  if (search.trim()) params.set('q', search.trim())
  if (language !== 'nl') params.set('lang', language)
  const query = params.toString()
  return `${base(themagroep)}.${format}${query ? `?${query}` : ''}`
}
