import { z } from 'zod'
import { meResponseSchema, type JoinBody, type LoginBody, type MeResponse, type SetupBody } from '../../shared/access'
import { apiFetch } from './apiFetch'

const meAnswerSchema = z.object({ me: meResponseSchema }).loose()
const meFullSchema = z.object({ me: meResponseSchema, setupPending: z.boolean().optional() }).loose()

export interface Identity {
  me: MeResponse
  /** No account exists yet: the first themacoördinator is made with the setup link from the server log. */
  setupPending: boolean
}

let identity: Promise<Identity | null> | null = null

/**
 * Who the server says this browser is (GET /api/auth/me), asked once per page
 * load; null when the server has no access layer (every board is open).
 */
export function fetchIdentity(): Promise<Identity | null> {
  identity ??= apiFetch('/api/auth/me', meFullSchema).then(
    (answer) => ({ me: answer.me, setupPending: answer.setupPending ?? false }),
    () => null,
  )
  return identity
}

export async function fetchMe(): Promise<MeResponse | null> {
  return (await fetchIdentity())?.me ?? null
}

export async function login(body: LoginBody): Promise<MeResponse> {
  return (await apiFetch('/api/auth/login', meAnswerSchema, { method: 'POST', body: JSON.stringify(body) })).me
}

export async function completeSetup(body: SetupBody): Promise<MeResponse> {
  return (await apiFetch('/api/auth/setup', meAnswerSchema, { method: 'POST', body: JSON.stringify(body) })).me
}

export async function logout(): Promise<void> {
  await apiFetch('/api/auth/logout', z.unknown(), { method: 'POST', body: '{}' })
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
