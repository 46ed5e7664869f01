import { voteResponseSchema, type VoteResponse } from '../../shared/facilitation'
import { apiFetch } from '../api/apiFetch'

/** Adds (POST) or takes back (DELETE) one of the caller's dots on a sticky (SPEC F10). */
export function castVote(sessionId: string, stickyId: string, add: boolean): Promise<VoteResponse> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/stickies/${encodeURIComponent(stickyId)}/votes`, voteResponseSchema, {
    method: add ? 'POST' : 'DELETE',
    ...(add ? { body: '{}' } : {}),
  })
}
