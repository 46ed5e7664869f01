/**
 * The verslag of a stored session, built from its live document, for the
 * export routes. `?lang=en` gives the English wording.
 */
import type { Request } from 'express'
import type { SessionSummary } from '../../shared/api'
import type { Language } from '../../shared/dates'
import type { Verslag } from '../../shared/verslag/schema'
import type { VerslagContext } from './VerslagContext'
import { findSession } from '../access/findSession'
import { buildVerslag } from './buildVerslag'
import { safeText } from '../../shared/safeText'

export function languageOf(req: Request): Language {
  return req.query.lang === 'en' ? 'en' : 'nl'
}

export async function loadVerslag(ctx: VerslagContext, req: Request): Promise<{ session: SessionSummary; verslag: Verslag }> {
  const session = await findSession(ctx.storage.sessions, req.params.id)
  const verslag = await ctx.rooms.withRoom(session.id, (room) => buildVerslag(room.doc, { language: languageOf(req) }))
  return { session, verslag }
}

/** Content-Disposition for a download: an ASCII fallback and the Dutch title in UTF-8 (RFC 6266). */
export function attachment(verslag: Verslag, ext: string, prefix = ''): string {
  // safeText after slicing: a cut may split a surrogate pair, and encodeURIComponent throws on half of one (L10).
  const base = safeText(
    `${prefix}${verslag.heading}${verslag.date ? ` ${verslag.date}` : ''}`
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150),
  )
  const ascii = base
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9 ._-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
  return `attachment; filename="${ascii || 'verslag'}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`
}
