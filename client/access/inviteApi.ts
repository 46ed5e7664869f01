import { z } from 'zod'
import {
  auditEntrySchema,
  createInviteResponseSchema,
  inviteSummarySchema,
  type AuditEntry,
  type CreateInviteResponse,
  type InviteRole,
  type InviteSummary,
} from '../../shared/access'
import { apiFetch } from '../api/apiFetch'

/** POST /api/sessions/:id/invites: a new join link for one role (SPEC P10). */
export function createInvite(sessionId: string, role: InviteRole): Promise<CreateInviteResponse> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/invites`, createInviteResponseSchema, {
    method: 'POST',
    body: JSON.stringify({ role }),
  })
}

export function listInvites(sessionId: string): Promise<InviteSummary[]> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/invites`, z.array(inviteSummarySchema))
}

export async function revokeInvite(sessionId: string, inviteId: string): Promise<void> {
  await apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/invites/${encodeURIComponent(inviteId)}`, z.unknown(), { method: 'DELETE' })
}

/** GET /api/audit (SPEC P11). */
export function fetchAudit(): Promise<AuditEntry[]> {
  return apiFetch('/api/audit?limit=500', z.array(auditEntrySchema))
}
