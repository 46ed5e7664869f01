import { z } from 'zod'
import { meResponseSchema, type JoinBody, type MeResponse } from '../../shared/access'
import { apiFetch } from './apiFetch'

const meAnswerSchema = z.object({ me: meResponseSchema }).loose()

/** Who the server says this browser is (GET /api/auth/me); null when the server has no access layer. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return (await apiFetch('/api/auth/me', meAnswerSchema)).me
  } catch {
    return null
  }
}

export const joinInfoSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  themagroep: z.string(),
  role: z.string(),
  expiresAt: z.string(),
})
export type JoinInfo = z.infer<typeof joinInfoSchema>

export function fetchJoinInfo(token: string): Promise<JoinInfo> {
  return apiFetch(`/api/join/${encodeURIComponent(token)}`, joinInfoSchema)
}

/** Redeems an invite: the server answers with the participant and sets the session cookie. */
export async function joinWithInvite(body: JoinBody): Promise<MeResponse> {
  return (await apiFetch('/api/join', meAnswerSchema, { method: 'POST', body: JSON.stringify(body) })).me
}
