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

/** PATCH /api/sessions/:id/invites/:inviteId: everyone who joined with it gets the new role at once (SPEC W23). */
export function changeInviteRole(sessionId: string, inviteId: string, role: InviteRole): Promise<InviteSummary> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/invites/${encodeURIComponent(inviteId)}`, inviteSummarySchema, {
    method: 'PATCH',
    body: JSON.stringify({ role }),
  })
}

export async function revokeInvite(sessionId: string, inviteId: string): Promise<void> {
  await apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/invites/${encodeURIComponent(inviteId)}`, z.unknown(), { method: 'DELETE' })
}

/** GET /api/audit (SPEC P11). */
export function fetchAudit(filters: AuditFilters = {}): Promise<AuditEntry[]> {
  return apiFetch(`/api/audit?${auditQuery({ limit: '500', ...filters })}`, z.array(auditEntrySchema))
}

/** G11: the audit log's filters. */
export interface AuditFilters {
  sessionId?: string
  person?: string
  action?: string
}

/** The query string of the filters that are set (also for the CSV link, G12). */
export function auditQuery(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v && v.trim()) q.set(k, v.trim())
  return q.toString()
}
