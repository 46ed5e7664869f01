import { historyListSchema, historyVersionSchema, restoreResponseSchema, type HistoryVersion, type HistoryVersionSummary, type RestoreResponse } from '../../shared/history'
import { apiFetch } from '../api/apiFetch'

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/history`

/** The board's versions, newest first (SPEC H8). */
export async function listHistory(sessionId: string): Promise<HistoryVersionSummary[]> {
  return (await apiFetch(base(sessionId), historyListSchema)).versions
}

export function fetchHistoryVersion(sessionId: string, version: number): Promise<HistoryVersion> {
  return apiFetch(`${base(sessionId)}/${version}`, historyVersionSchema)
}

/** Brings the board back to `version` on every open board (H6). */
export function restoreHistoryVersion(sessionId: string, version: number): Promise<RestoreResponse> {
  return apiFetch(`${base(sessionId)}/${version}/restore`, restoreResponseSchema, { method: 'POST', body: '{}' })
}
