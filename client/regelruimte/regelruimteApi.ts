import { registerSchema, statusPatchResponseSchema, type Register, type StatusPatchResponse } from '../../shared/regelruimte'
import type { RegelruimteStatus } from '../../shared/sticky'
import { apiFetch } from '../api/apiFetch'

/** The whole register the signed-in account sees (SPEC R1); the page filters it. */
export function fetchRegister(): Promise<Register> {
  return apiFetch('/api/regelruimte.json', registerSchema)
}

/** Sets a request's status on the live board (SPEC R6). */
export function patchStatus(sessionId: string, stickyId: string, status: RegelruimteStatus): Promise<StatusPatchResponse> {
  return apiFetch(`/api/regelruimte/${encodeURIComponent(sessionId)}/${encodeURIComponent(stickyId)}`, statusPatchResponseSchema, {
    method: 'PATCH',
    body: JSON.stringify({ status }),
  })
}
