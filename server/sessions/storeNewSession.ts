/**
 * Creates a session: founds its themagroep when the creator may only found
 * it (P9), seeds its doc (stored before the index), then the index entry,
 * then the access bookkeeping (themagroep membership, audit).
 * One function for POST /api/sessions and POST /api/sessions/import, so a
 * created and an imported session are indexed the same way.
 */
import { normalizeThemagroepName } from '../../shared/themagroepName'
import { writeSessionInfo } from '../../shared/ydoc'
import type * as Y from 'yjs'
import type { SessionSummary } from '../../shared/api'
import type { SessionInfo } from '../../shared/session'
import type { Actor } from '../access/Actor'
import { HttpError } from '../core/http/errors'
import type { SessionsContext } from './SessionsContext'
import { newSessionId } from './newSessionId'

export async function storeNewSession(
  ctx: Pick<SessionsContext, 'access' | 'rooms' | 'storage'>,
  actor: Actor,
  given: SessionInfo,
  seed: (doc: Y.Doc) => void,
  action: 'session.create' | 'session.import',
): Promise<SessionSummary> {
  // P26: a themagroep that exists under another spelling keeps its first spelling; a new one is normalised.
  const themagroep = (await ctx.access.stores.themagroepen.canonical(given.themagroep)) ?? normalizeThemagroepName(given.themagroep)
  const info: SessionInfo = { ...given, themagroep }
  // A new themagroep is founded before anything else is stored: the policy's
  // look at it (P9) and this request may be apart, and another may found it meanwhile.
  const founding = await ctx.access.foundThemagroep(actor, info.themagroep)
  if (founding === 'refused') {
    throw new HttpError(403, 'forbidden', `Je bent geen lid van themagroep "${info.themagroep}". [P9]`)
  }
  const id = newSessionId()
  await ctx.rooms.withRoom(id, (room) =>
    room.transact((doc) => {
      seed(doc)
      if (themagroep !== given.themagroep) writeSessionInfo(doc, { themagroep })
    }),
  )
  const now = new Date().toISOString()
  const summary: SessionSummary = {
    id,
    title: info.title,
    themagroep: info.themagroep,
    type: info.type,
    date: info.date ?? null,
    place: info.place ?? null,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.storage.sessions.create(summary)
  await ctx.access.sessionCreated(actor, summary, action, founding === 'founded')
  return summary
}
