import { addStickyResponseSchema, type AddStickyBody, type AddStickyResponse } from '../../shared/api'
import { apiFetch } from '../api/apiFetch'

/**
 * POST /api/sessions/:id/stickies: the server places the sticky (next free
 * cell of the sheet) and names the caller as its author (SPEC P7, M4).
 */
export function sendSticky(sessionId: string, body: AddStickyBody): Promise<AddStickyResponse> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/stickies`, addStickyResponseSchema, {
    method: 'POST',
    body: JSON.stringify(body),
  })
}
