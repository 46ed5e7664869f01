/** The facilitation API from the browser (SPEC F2, F5, F6, F8, F10, F16). */
import { z } from 'zod'
import { addStickyResponseSchema } from '../../shared/api'
import {
  facilitationResponseSchema,
  myVotesResponseSchema,
  privateStickiesResponseSchema,
  privateStickySchema,
  serverTimeResponseSchema,
  sharePrivateResponseSchema,
  voteResponseSchema,
  type PutFacilitationBody,
} from '../../shared/facilitation'
import type { Tag } from '../../shared/tags'
import { addSheetsResponseSchema, templatesResponseSchema } from '../../shared/templates'
import { apiFetch } from '../api/apiFetch'

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`

export const putFacilitation = (sessionId: string, body: PutFacilitationBody) =>
  apiFetch(`${base(sessionId)}/facilitation`, facilitationResponseSchema, { method: 'PUT', body: JSON.stringify(body) })

export const fetchServerTime = () => apiFetch('/api/time', serverTimeResponseSchema, { cache: 'no-store' })

export const castVote = (sessionId: string, stickyId: string) =>
  apiFetch(`${base(sessionId)}/stickies/${encodeURIComponent(stickyId)}/votes`, voteResponseSchema, { method: 'POST' })

export const takeBackVote = (sessionId: string, stickyId: string) =>
  apiFetch(`${base(sessionId)}/stickies/${encodeURIComponent(stickyId)}/votes`, voteResponseSchema, { method: 'DELETE' })

export const fetchMyVotes = (sessionId: string) => apiFetch(`${base(sessionId)}/votes/mine`, myVotesResponseSchema, { cache: 'no-store' })

export const fetchPrivateStickies = (sessionId: string) =>
  apiFetch(`${base(sessionId)}/private-stickies`, privateStickiesResponseSchema, { cache: 'no-store' })

/** POST …/stickies: during stil-schrijven the server holds a deelnemer's sticky privately (F6). */
export const addSticky = (sessionId: string, body: { text: string; tag: Tag; sheet?: string }) =>
  apiFetch(`${base(sessionId)}/stickies`, addStickyResponseSchema, { method: 'POST', body: JSON.stringify(body) })

export const deletePrivateSticky = async (sessionId: string, id: string): Promise<void> => {
  await apiFetch(`${base(sessionId)}/private-stickies/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' })
}

export const patchPrivateSticky = (sessionId: string, id: string, body: { text?: string; tag?: Tag }) =>
  apiFetch(`${base(sessionId)}/private-stickies/${encodeURIComponent(id)}`, privateStickySchema, { method: 'PATCH', body: JSON.stringify(body) })

export const sharePrivateStickies = (sessionId: string) =>
  apiFetch(`${base(sessionId)}/private-stickies/share`, sharePrivateResponseSchema, { method: 'POST' })

export const fetchTemplates = () => apiFetch('/api/templates', templatesResponseSchema)

export const addTemplateSheets = (sessionId: string, template: string) =>
  apiFetch(`${base(sessionId)}/sheets`, addSheetsResponseSchema, { method: 'POST', body: JSON.stringify({ template }) })
