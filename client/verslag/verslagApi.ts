import { z } from 'zod'
import { sessionSummarySchema } from '../../shared/api'
import type { Language } from '../../shared/dates'
import { importReportSchema } from '../../shared/verslag/importReport'
import { verslagSchema, type Verslag } from '../../shared/verslag/schema'
import type { Tag } from '../../shared/tags'
import { pictureUploadResponseSchema, verslagVersionSummarySchema, versionListSchema, type PictureUploadResponse, type VerslagVersionSummary } from '../../shared/verslag/versions'
import { apiFetch } from '../api/apiFetch'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`

/** The server's model of the live verslag (the source of truth for every download). */
export function fetchVerslag(sessionId: string, language: Language, signal?: AbortSignal): Promise<Verslag> {
  // G9: a preview, not an export (the audit log counts only downloads).
  return apiFetch(`${base(sessionId)}/verslag.json?preview=1${language === 'en' ? '&lang=en' : ''}`, verslagSchema, signal ? { signal } : undefined)
}

export async function listVersions(sessionId: string): Promise<VerslagVersionSummary[]> {
  return (await apiFetch(`${base(sessionId)}/versions`, versionListSchema)).versions
}

export function vaststellen(sessionId: string): Promise<VerslagVersionSummary> {
  return apiFetch(`${base(sessionId)}/vaststellen`, verslagVersionSummarySchema, { method: 'POST', body: '{}' })
}

export function uploadPicture(sessionId: string, png: Blob): Promise<PictureUploadResponse> {
  return apiFetch(`${base(sessionId)}/picture`, pictureUploadResponseSchema, { method: 'PUT', body: png, headers: { 'Content-Type': 'image/png' } })
}

const importedSchema = sessionSummarySchema.extend({ stickyCount: z.number().optional(), report: importReportSchema.optional() }).loose()

/** POST /api/sessions/import with pasted text or a chosen .txt/.docx file. */
export function importVerslag(body: { text: string } | { file: File }): Promise<z.infer<typeof importedSchema>> {
  if ('text' in body) {
    return apiFetch('/api/sessions/import', importedSchema, { method: 'POST', body: body.text, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const isDocx = body.file.name.toLowerCase().endsWith('.docx') || body.file.type === DOCX_TYPE
  return apiFetch('/api/sessions/import', importedSchema, { method: 'POST', body: body.file, headers: { 'Content-Type': isDocx ? DOCX_TYPE : 'text/plain; charset=utf-8' } })
}

/** The import report's one-click fix: every sticky on the sheet gets `tag` (SPEC I20). */
export function retagSheet(sessionId: string, sheetId: string, tag: Tag): Promise<{ changed: number }> {
  return apiFetch(`${base(sessionId)}/sheets/${encodeURIComponent(sheetId)}/tag`, z.object({ changed: z.number() }), {
    method: 'POST',
    body: JSON.stringify({ tag }),
    headers: { 'Content-Type': 'application/json' },
  })
}

/** Download links: the server renders every format. */
export function verslagUrl(sessionId: string, ext: 'md' | 'html' | 'docx' | 'pdf' | 'json', language: Language, versie?: number): string {
  const path = versie ? `${base(sessionId)}/versions/${versie}/verslag.${ext}` : `${base(sessionId)}/verslag.${ext}`
  return language === 'en' ? `${path}?lang=en` : path
}

export function afsprakenIcsUrl(sessionId: string): string {
  return `${base(sessionId)}/afspraken.ics`
}
