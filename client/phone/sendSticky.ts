import { z } from 'zod'
import { addStickyResponseSchema, type AddStickyBody } from '../../shared/api'
import { apiFetch } from '../api/apiFetch'

/** During stil-schrijven the server holds the sticky privately and says so (F6). */
const sentStickySchema = addStickyResponseSchema.extend({ private: z.boolean().optional() })
export type SentSticky = z.infer<typeof sentStickySchema>

/**
 * POST /api/sessions/:id/stickies: the server places the sticky (next free
 * cell of the sheet) and names the caller as its author (SPEC P7, M4).
 */
export function sendSticky(sessionId: string, body: AddStickyBody): Promise<SentSticky> {
  return apiFetch(`/api/sessions/${encodeURIComponent(sessionId)}/stickies`, sentStickySchema, {
    method: 'POST',
    body: JSON.stringify(body),
  })
}
