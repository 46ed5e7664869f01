/**
 * R15: the evidence chain across sessions. A conclusie taken over from an
 * earlier session (R13: `meta.herkomst`) is followed back to that session's
 * conclusie and the factors behind it there, and on from there when that one
 * was taken over too — at most MAX_HERKOMST_DEPTH steps, never twice through
 * one sticky (a cycle ends the chain), and only into sessions of the same
 * themagroep that the caller may see (`sessionOf` answers null for any other,
 * and for a deleted or unreadable one: the chain simply ends there).
 */
import type * as Y from 'yjs'
import { readBoard } from '../../shared/boardModel'
import type { KetenHerkomst } from '../../shared/regelruimte'
import type { Herkomst } from '../../shared/sticky'
import { sameThemagroep } from '../../shared/themagroepName'
import { allRecords, readSessionInfo } from '../../shared/ydoc'
import { verslagLinks } from '../verslag/verslagLinks'

export const MAX_HERKOMST_DEPTH = 8

export interface ChainConclusie {
  text: string
  /** Texts of the stickies it rests on in its session (V6), in reading order. */
  factoren: string[]
  herkomst: Herkomst | null
}

/** What the chain needs of one session. */
export interface ChainSession {
  id: string
  title: string
  date: string | null
  themagroep: string
  /** Every conclusie of the session, by sticky id. */
  conclusies: ReadonlyMap<string, ChainConclusie>
}

export type SessionOf = (sessionId: string) => Promise<ChainSession | null>

/** A sticky id as the board stores it (the API may leave out `shape:`). */
export const shapeIdOf = (id: string): string => (id.startsWith('shape:') ? id : `shape:${id}`)

/** The conclusies of a session's document, with what they rest on and where they were taken over from. */
export function chainSessionOf(doc: Y.Doc, session: { id: string; title: string; themagroep: string; date?: string | null }): ChainSession {
  const board = readBoard(allRecords(doc))
  const byId = new Map(board.stickies.map((s) => [s.id, s]))
  const links = verslagLinks(board.stickies, board.links)
  const conclusies = new Map<string, ChainConclusie>()
  for (const s of board.stickies) {
    if (s.tag !== 'conclusie') continue
    conclusies.set(s.id, {
      text: s.text,
      factoren: (links.restsOn.get(s.id) ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!.text] : [])),
      herkomst: s.meta.herkomst ?? null,
    })
  }
  const info = readSessionInfo(doc)
  return {
    id: session.id,
    title: info?.title ?? session.title,
    date: info?.date ?? session.date ?? null,
    themagroep: session.themagroep,
    conclusies,
  }
}

/**
 * Follows `start` (the herkomst of the conclusie `from` in its session) back
 * through earlier sessions: nearest first.
 */
export async function followHerkomst(
  from: { sessionId: string; stickyId: string; themagroep: string },
  start: Herkomst | null,
  sessionOf: SessionOf,
  maxDepth = MAX_HERKOMST_DEPTH,
): Promise<KetenHerkomst[]> {
  const chain: KetenHerkomst[] = []
  const key = (sessionId: string, stickyId: string) => `${sessionId}\u0000${shapeIdOf(stickyId)}`
  const visited = new Set([key(from.sessionId, from.stickyId)])
  let next = start
  while (next && chain.length < maxDepth) {
    const here = key(next.sessionId, next.stickyId)
    if (visited.has(here)) break
    visited.add(here)
    const session = await sessionOf(next.sessionId)
    if (!session || !sameThemagroep(session.themagroep, from.themagroep)) break
    const stickyId = shapeIdOf(next.stickyId)
    const conclusie = session.conclusies.get(stickyId)
    if (!conclusie) break
    chain.push({ sessionId: session.id, sessionTitle: session.title, sessionDate: session.date, stickyId, text: conclusie.text, factoren: conclusie.factoren })
    next = conclusie.herkomst
  }
  return chain
}
