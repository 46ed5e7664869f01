import { z } from 'zod'
import { sessionSummarySchema, type CreateSessionBody, type SessionSummary } from '../../shared/api'
import { clientConfigSchema, type ClientConfig } from '../../shared/api'
import { apiFetch } from './apiFetch'

// The list answer is either a bare array or {sessions: [...]}; accept both.
const sessionListSchema = z
  .union([z.array(sessionSummarySchema), z.object({ sessions: z.array(sessionSummarySchema) })])
  .transform((value) => (Array.isArray(value) ? value : value.sessions))

export function listSessions(): Promise<SessionSummary[]> {
  return apiFetch('/api/sessions', sessionListSchema)
}

export function createSession(body: CreateSessionBody): Promise<{ id: string }> {
  return apiFetch('/api/sessions', z.object({ id: z.string() }).loose(), { method: 'POST', body: JSON.stringify(body) })
}

export function fetchClientConfig(): Promise<ClientConfig> {
  return apiFetch('/api/config', clientConfigSchema)
}
