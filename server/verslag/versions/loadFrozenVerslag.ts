/** A vastgestelde versie of a session's verslag, for the download routes (SPEC V15). */
import type { Request } from 'express'
import type { Verslag } from '../../../shared/verslag/schema'
import { HttpError } from '../../core/http/errors'
import type { VerslagContext } from '../VerslagContext'
import { findSession } from '../../access/findSession'
import type { VerslagVersionRecord } from '../VerslagStores'
import { languageOf } from '../loadVerslag'
import { frozenModel } from './frozenModels'

export function versionNotFound(n: unknown): HttpError {
  return new HttpError(404, 'version_not_found', `Versie ${String(n)} bestaat niet (version not found)`)
}

export async function loadFrozenVersion(ctx: VerslagContext, req: Request): Promise<VerslagVersionRecord> {
  const session = await findSession(ctx.storage.sessions, req.params.id)
  const n = Number(req.params.n)
  if (!Number.isSafeInteger(n) || n < 1 || String(n) !== req.params.n) throw versionNotFound(req.params.n)
  const version = await ctx.storage.versions.get(session.id, n)
  if (!version) throw versionNotFound(n)
  return version
}

/** The frozen model; its board picture points at the picture frozen with it. */
export async function loadFrozenVerslag(ctx: VerslagContext, req: Request): Promise<{ version: VerslagVersionRecord; verslag: Verslag }> {
  const version = await loadFrozenVersion(ctx, req)
  const verslag = frozenModel(version.models, languageOf(req))
  if (verslag.boardPicture && version.picture) {
    verslag.boardPicture = { ...verslag.boardPicture, url: `/api/sessions/${version.sessionId}/versions/${version.versie}/picture` }
  }
  return { version, verslag }
}
