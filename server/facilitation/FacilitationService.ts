/**
 * The server side of facilitation (SPEC F1–F12): the facilitation map,
 * private stickies held apart from the doc and their reveal, and dot votes.
 * Every change to the doc goes through `room.transact` with the caller as
 * origin, so it is stored and broadcast like any update.
 */
import { randomBytes } from 'node:crypto'
import type { SessionSummary } from '../../shared/api'
import type * as Y from 'yjs'
import { parseStickyMeta, readBoard } from '../../shared/boardModel'
import {
  applyTimerCommand,
  PHASES,
  readFacilitation,
  writeFacilitation,
  type FacilitationResponse,
  type FacilitationState,
  type MyVotesResponse,
  type Phase,
  type PrivateCount,
  type PrivateSticky,
  type PutFacilitationBody,
  type VoteResponse,
} from '../../shared/facilitation'
import type { Tag } from '../../shared/tags'
import { addStickiesToSheet, allRecords, recordsOf } from '../../shared/ydoc'
import { ActorOrigin } from '../core/origins'
import { authorOf } from '../access/authorOf'
import type { Actor } from '../access/Actor'
import { HttpError } from '../core/http/errors'
import type { Logger } from '../core/log'
import type { RoomManager } from '../core/RoomManager'
import type { PrivateStickyStore, StoredPrivateSticky } from './PrivateStickyStore'

/** The id a caller's votes are keyed by in `meta.votes`: the same id as its authorship (P7). */
export function voterIdOf(actor: Actor): string {
  return authorOf(actor, undefined)?.id ?? actor.id
}

/** F6: whose new stickies are held privately in this phase. */
export function holdsPrivately(actor: Actor, phase: Phase): boolean {
  return phase === 'stil-schrijven' && actor.kind === 'participant' && actor.role === 'deelnemer'
}

const toPublic = (s: StoredPrivateSticky): PrivateSticky => ({ id: s.id, text: s.text, tag: s.tag, sheetId: s.sheetId, createdAt: s.createdAt })

/** F6: private stickies one writer may hold at once (the counts are rebuilt on every change). */
export const MAX_PRIVATE_PER_AUTHOR = 200

/** Phases from which on private stickies are on the board (F8). */
const REVEAL_FROM = PHASES.indexOf('delen')

export class FacilitationService {
  /** One chain per session: private-sticky changes and reveals never interleave. */
  private readonly chains = new Map<string, Promise<unknown>>()

  constructor(
    private readonly rooms: RoomManager,
    private readonly store: PrivateStickyStore,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(sessionId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(sessionId) ?? Promise.resolve()
    const next = previous.then(task, task)
    const settled = next.catch(() => undefined)
    this.chains.set(sessionId, settled)
    void settled.then(() => {
      if (this.chains.get(sessionId) === settled) this.chains.delete(sessionId)
    })
    return next
  }

  async read(sessionId: string): Promise<FacilitationState> {
    return this.rooms.withRoom(sessionId, (room) => readFacilitation(room.doc))
  }

  response(state: FacilitationState): FacilitationResponse {
    return { ...state, serverNow: this.now() }
  }

  /** F2: applies a PUT body; reveals private stickies when the phase leaves stil-schrijven forwards (F8). */
  async update(session: SessionSummary, actor: Actor, body: PutFacilitationBody): Promise<FacilitationState> {
    return this.serial(session.id, async () => {
      const state = await this.rooms.withRoom(session.id, (room) => {
        const doc = room.doc
        const before = readFacilitation(doc)
        const patch: Partial<FacilitationState> = {}
        if (body.phase !== undefined) patch.phase = body.phase
        if (body.voteBudget !== undefined) patch.voteBudget = body.voteBudget
        if (body.anonymous !== undefined) patch.anonymous = body.anonymous
        if (body.voteScope !== undefined) patch.voteScope = { tags: body.voteScope.tags ?? [], sheetIds: body.voteScope.sheetIds ?? [] }
        if (body.agenda !== undefined) patch.agenda = body.agenda
        if (body.timer !== undefined) patch.timer = applyTimerCommand(before.timer, body.timer, this.now())
        if (body.summon !== undefined) {
          if (body.summon === null) patch.summon = null
          else {
            const sheet = readBoard(allRecords(doc)).sheets.find((s) => s.id === body.summon?.sheetId)
            if (!sheet) throw new HttpError(404, 'sheet_not_found', 'Dit vel bestaat niet (meer) op het bord.')
            patch.summon = { sheetId: sheet.id, at: this.now(), nonce: randomBytes(8).toString('hex'), by: authorOf(actor, undefined)?.name ?? '' }
          }
        }
        room.transact((d) => writeFacilitation(d, patch), new ActorOrigin(actor))
        return readFacilitation(doc)
      })
      if (PHASES.indexOf(state.phase) >= REVEAL_FROM) await this.revealLocked(session.id, null)
      return state
    })
  }

  // ------------------------------------------------------------ private stickies

  /** F6: holds a new sticky privately and publishes the new counts (F7). */
  async addPrivate(sessionId: string, actor: Actor, input: { text: string; tag: Tag; sheet?: string | undefined }): Promise<PrivateSticky> {
    return this.serial(sessionId, async () => {
      const author = authorOf(actor, undefined)
      if (!author) throw new HttpError(403, 'forbidden', 'Alleen een deelnemer schrijft privé.')
      if ((await this.store.listByAuthor(sessionId, author.id)).length >= MAX_PRIVATE_PER_AUTHOR) {
        throw new HttpError(409, 'private_limit', `Je hebt al ${MAX_PRIVATE_PER_AUTHOR} stickies klaarstaan. Deel ze eerst.`)
      }
      const sheetId = await this.rooms.withRoom(sessionId, (room) => {
        if (!input.sheet) return null
        const wanted = input.sheet.trim().toLowerCase()
        const sheet = readBoard(allRecords(room.doc)).sheets.find((s) => s.id === input.sheet || s.name.trim().toLowerCase() === wanted)
        return sheet ? sheet.id : null
      })
      const stored: StoredPrivateSticky = {
        id: `private-${randomBytes(9).toString('base64url')}`,
        sessionId,
        authorId: author.id,
        authorName: author.name,
        authorOrganisation: author.organisation,
        text: input.text,
        tag: input.tag,
        sheetId,
        createdAt: new Date(this.now()).toISOString(),
      }
      await this.store.add(stored)
      await this.publishCounts(sessionId)
      return toPublic(stored)
    })
  }

  async listPrivate(sessionId: string, actor: Actor): Promise<PrivateSticky[]> {
    return (await this.store.listByAuthor(sessionId, voterIdOf(actor))).map(toPublic)
  }

  async updatePrivate(sessionId: string, actor: Actor, id: string, patch: { text?: string | undefined; tag?: Tag | undefined }): Promise<PrivateSticky> {
    const clean: { text?: string; tag?: Tag } = {}
    if (patch.text !== undefined) clean.text = patch.text
    if (patch.tag !== undefined) clean.tag = patch.tag
    const updated = await this.store.update(sessionId, voterIdOf(actor), id, clean)
    if (!updated) throw new HttpError(404, 'private_sticky_not_found', 'Deze sticky is er niet (meer): misschien is hij al gedeeld.')
    return toPublic(updated)
  }

  async removePrivate(sessionId: string, actor: Actor, id: string): Promise<void> {
    return this.serial(sessionId, async () => {
      const removed = await this.store.remove(sessionId, voterIdOf(actor), id)
      if (!removed) throw new HttpError(404, 'private_sticky_not_found', 'Deze sticky is er niet (meer): misschien is hij al gedeeld.')
      await this.publishCounts(sessionId)
    })
  }

  /** F8: the writer shares early — their stickies go on the board now. */
  async shareEarly(sessionId: string, actor: Actor): Promise<{ id: string; sheetId: string | null }[]> {
    return this.serial(sessionId, () => this.revealLocked(sessionId, voterIdOf(actor)))
  }

  /**
   * Places private stickies (of one author, or all) on the board, grouped by
   * writer and sheet, each group in free cells of its sheet (F20), then
   * drops them from the store. The board's note ids are new; the store is
   * emptied only once the doc change is stored.
   */
  private async revealLocked(sessionId: string, authorId: string | null): Promise<{ id: string; sheetId: string | null }[]> {
    const all = await this.store.listBySession(sessionId)
    const held = authorId === null ? all : all.filter((s) => s.authorId === authorId)
    if (held.length === 0) return []
    const groups = new Map<string, StoredPrivateSticky[]>()
    for (const s of held) {
      const key = `${s.authorId}\u0000${s.sheetId ?? ''}`
      groups.set(key, [...(groups.get(key) ?? []), s])
    }
    // One transaction per group: the records map is read back only after a
    // transaction, so a later group sees the cells an earlier one took (F20).
    const placed = await this.rooms.withRoom(sessionId, (room) => {
      const out: { id: string; sheetId: string | null }[] = []
      for (const group of groups.values()) {
        const notes = group.map((s) => ({
          text: s.text,
          tag: s.tag,
          author: { id: s.authorId, name: s.authorName, organisation: s.authorOrganisation },
          createdAt: s.createdAt,
        }))
        out.push(...room.transact((doc) => addStickiesToSheet(doc, group[0]!.sheetId, notes)))
      }
      return out
    })
    await this.store.removeMany(sessionId, held.map((s) => s.id))
    await this.publishCounts(sessionId)
    this.log.info({ sessionId, count: placed.length }, 'private stickies revealed')
    return placed
  }

  /** F7: `{name, organisation, count}` per writer, written into the facilitation map. */
  private async publishCounts(sessionId: string): Promise<void> {
    const counts: Record<string, PrivateCount> = {}
    for (const s of await this.store.listBySession(sessionId)) {
      const entry = counts[s.authorId] ?? { name: s.authorName, organisation: s.authorOrganisation, count: 0 }
      entry.count++
      counts[s.authorId] = entry
    }
    await this.rooms.withRoom(sessionId, (room) => {
      const before = JSON.stringify(readFacilitation(room.doc).privateCounts)
      if (before !== JSON.stringify(counts)) room.transact((doc) => writeFacilitation(doc, { privateCounts: counts }))
    })
  }

  // -------------------------------------------------------------------- votes

  /** F10: adds (+1) or takes back (−1) one of the caller's dots on a sticky. */
  async vote(sessionId: string, actor: Actor, stickyId: string, delta: 1 | -1): Promise<VoteResponse> {
    const voter = voterIdOf(actor)
    return this.rooms.withRoom(sessionId, (room) => {
      const doc = room.doc
      const state = readFacilitation(doc)
      const kv = recordsOf(doc)
      const record = kv.get(stickyId)
      if (!record || record.typeName !== 'shape' || record.type !== 'note') {
        throw new HttpError(404, 'sticky_not_found', 'Deze sticky bestaat niet (meer) op het bord.')
      }
      const meta = parseStickyMeta(record.meta)
      if (delta > 0) {
        if (state.phase !== 'stemmen') throw new HttpError(409, 'not_voting_phase', 'Stemmen kan alleen tijdens de fase "Stemmen".')
        const { tags, sheetIds } = state.voteScope
        if ((tags.length > 0 && !tags.includes(meta.tag)) || (sheetIds.length > 0 && !sheetIds.includes(String(record.parentId)))) {
          throw new HttpError(403, 'vote_out_of_scope', 'Op deze sticky wordt nu niet gestemd.')
        }
      }
      const used = usedVotes(doc, voter)
      const mine = meta.votes?.[voter] ?? 0
      if (delta > 0 && used >= state.voteBudget) {
        throw new HttpError(409, 'vote_budget_exhausted', `Je hebt al je ${state.voteBudget} stippen gebruikt. Haal er een weg om opnieuw te stemmen.`)
      }
      if (delta < 0 && mine === 0) throw new HttpError(409, 'no_vote_to_remove', 'Je hebt op deze sticky geen stip gezet.')
      const votes = { ...(meta.votes ?? {}) }
      if (mine + delta === 0) delete votes[voter]
      else votes[voter] = mine + delta
      const rawMeta = (record.meta ?? {}) as Record<string, unknown>
      room.transact(() => kv.set(stickyId, { ...record, meta: { ...rawMeta, votes } }), new ActorOrigin(actor))
      const total = Object.values(votes).reduce((a, b) => a + b, 0)
      return {
        stickyId,
        total,
        mine: mine + delta,
        used: used + delta,
        budget: state.voteBudget,
        remaining: Math.max(0, state.voteBudget - used - delta),
      }
    })
  }

  async myVotes(sessionId: string, actor: Actor): Promise<MyVotesResponse> {
    const voter = voterIdOf(actor)
    return this.rooms.withRoom(sessionId, (room) => {
      const budget = readFacilitation(room.doc).voteBudget
      const votes: Record<string, number> = {}
      for (const { val } of recordsOf(room.doc).map.values()) {
        if (val.typeName !== 'shape' || val.type !== 'note') continue
        const n = parseStickyMeta(val.meta).votes?.[voter] ?? 0
        if (n > 0) votes[val.id] = n
      }
      const used = Object.values(votes).reduce((a, b) => a + b, 0)
      return { budget, used, remaining: Math.max(0, budget - used), votes }
    })
  }

  close(): Promise<void> {
    return this.store.close()
  }
}

function usedVotes(doc: Y.Doc, voter: string): number {
  let used = 0
  for (const { val } of recordsOf(doc).map.values()) {
    if (val.typeName !== 'shape' || val.type !== 'note') continue
    used += parseStickyMeta(val.meta).votes?.[voter] ?? 0
  }
  return used
}
