import { z } from 'zod'
import { privateStickiesResponseSchema, sharePrivateResponseSchema, type PrivateSticky } from '../../shared/facilitation'
import type { Tag } from '../../shared/tags'
import { apiFetch } from '../api/apiFetch'

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/private-stickies`

/** The caller's own stickies held privately during stil-schrijven (SPEC F6). */
export async function fetchPrivateStickies(sessionId: string): Promise<PrivateSticky[]> {
  return (await apiFetch(base(sessionId), privateStickiesResponseSchema)).stickies
}

export async function patchPrivateSticky(sessionId: string, id: string, changes: { text?: string; tag?: Tag }): Promise<void> {
  await apiFetch(`${base(sessionId)}/${encodeURIComponent(id)}`, z.unknown(), { method: 'PATCH', body: JSON.stringify(changes) })
}

/** Shares every private sticky of the caller now, before `delen` (F8). */
export async function sharePrivateStickies(sessionId: string): Promise<void> {
  await apiFetch(`${base(sessionId)}/share`, sharePrivateResponseSchema, { method: 'POST', body: '{}' })
}
