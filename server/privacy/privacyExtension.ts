/**
 * Privacy (AVG) as an extension (SPEC G1–G12): find, erase and export a
 * person across everything the server stores; delete a session with all it
 * left behind; purge audit entries and expired logins on a schedule.
 * server/app.ts composes it.
 */
import { createHash } from 'node:crypto'
import type { Router } from 'express'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/closeCodes'
import { personQuerySchema, type PersonQuery, type PrivacyEraseResponse, type PrivacyPlace, type PrivacySearchResponse } from '../../shared/privacy'
import { parseStickyMeta } from '../../shared/boardModel'
import { allRecords, recordsOf, Y_SESSION } from '../../shared/ydoc'
import type { AccessExtension } from '../access/accessExtension'
import { isActor } from '../access/Actor'
import { callerOf } from '../access/authState'
import { findSession } from '../access/findSession'
import type { ActieStore } from '../actielijst/ActieStore'
import type { CoreContext } from '../core/CoreContext'
import type { Extension } from '../core/Extension'
import { HttpError, parseBody } from '../core/http/errors'
import type { Backend } from '../core/storage/Backend'
import type { SessionStore } from '../sessions/SessionStore'
import { countMentions, eraseValue, personMatcher, withEmails, type PersonMatcher } from './eraseValue'
import type { PrivacyStore } from './PrivacyStore'
import { PRIVACY_STORES } from './privacyStoreDefinition'

export interface PrivacySettings {
  /** G8: audit entries older than this many days are purged (AUDIT_RETENTION_DAYS, default 365). */
  auditRetentionDays: number
  /** G8: how often the purge runs (PRIVACY_PURGE_INTERVAL_MS, default one hour). */
  purgeIntervalMs: number
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { auditRetentionDays: 365, purgeIntervalMs: 60 * 60 * 1000 }

export interface PrivacyExtensionOptions {
  backend: Backend
  sessions: SessionStore
  actielijst: ActieStore
  /** The history recorder's pending actor names (G2). */
  history: { renameActors(rename: (name: string) => string): void }
  access: Pick<AccessExtension, 'access' | 'authorize'>
  settings?: Partial<PrivacySettings>
}

export interface PrivacyExtension extends Extension {
  readonly store: PrivacyStore
  /** Runs the retention purge now (G8); also runs on a timer. */
  purge(now?: Date): Promise<{ audit: number; logins: number }>
}

/** The key of a person's pseudonym: a hash of the folded name (or organisation), so the table holds no name. */
function pseudonymKey(query: PersonQuery): string {
  const who = (query.name || `org:${query.organisation}`).normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl')
  return createHash('sha256').update(who).digest('hex')
}

/** A session's document as stored, without loading its room. */
async function storedDoc(core: CoreContext, room: string): Promise<Y.Doc> {
  const loaded = core.rooms.get(room)
  if (loaded) return loaded.doc
  const stored = await core.docs.load(room)
  const doc = new Y.Doc()
  for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
    try {
      Y.applyUpdate(doc, update)
    } catch {
      // a damaged update: the room skips it too
    }
  }
  return doc
}

function boardMentions(doc: Y.Doc, matcher: PersonMatcher): { records: unknown[]; session: unknown } {
  const records = allRecords(doc).filter((r) => countMentions(r, matcher) > 0)
  const session = doc.getMap(Y_SESSION).toJSON()
  return { records, session: countMentions(session, matcher) > 0 ? session : null }
}

export function privacyExtension(opts: PrivacyExtensionOptions): PrivacyExtension {
  const store = opts.backend.stores(PRIVACY_STORES)
  const settings: PrivacySettings = { ...DEFAULT_PRIVACY_SETTINGS, ...opts.settings }
  const access = opts.access.access
  const authorize = opts.access.authorize
  let core: CoreContext | null = null
  let timer: NodeJS.Timeout | null = null

  const supported = (): CoreContext => {
    if (!core) throw new Error('privacy: used before configure')
    if (!store.supported) {
      throw new HttpError(501, 'not_supported', 'Privacybeheer werkt niet met de opslag in het geheugen (privacy tools need SQLite or PostgreSQL)')
    }
    return core
  }

  /** The person's name and organisation, and the e-mail addresses of their accounts. */
  async function matcherFor(query: PersonQuery): Promise<PersonMatcher> {
    const base = personMatcher(query)
    return withEmails(base, await store.accountEmails(base))
  }

  async function searchBoards(c: CoreContext, matcher: PersonMatcher): Promise<{ sessionId: string; records: unknown[]; session: unknown }[]> {
    const found = []
    for (const room of await store.rooms()) {
      const mentions = boardMentions(await storedDoc(c, room), matcher)
      if (mentions.records.length > 0 || mentions.session !== null) found.push({ sessionId: room, ...mentions })
    }
    return found
  }

  /** G2: the person replaced on every board, as a server change on the live doc; every affected room compacted (G4). */
  async function eraseBoards(c: CoreContext, matcher: PersonMatcher, pseudonym: string): Promise<PrivacyPlace[]> {
    const changed: PrivacyPlace[] = []
    for (const name of await store.rooms()) {
      const mentioned = countMentions(boardMentions(await storedDoc(c, name), matcher), matcher) > 0
      // A room that does not mention the person now may still hold them in old updates of its log.
      if (!mentioned && (await c.docs.pendingUpdates(name)) === 0) continue
      const room = await c.rooms.open(name)
      try {
        const count = room.transact((doc) => {
          let n = 0
          const kv = recordsOf(doc)
          for (const record of allRecords(doc)) {
            const erased = eraseValue(record, matcher, pseudonym)
            if (erased !== record) {
              kv.set(String(record.id), erased)
              n++
            }
          }
          const session = doc.getMap(Y_SESSION)
          for (const [key, value] of session.entries()) {
            const erased: unknown = eraseValue(value, matcher, pseudonym, key)
            if (erased !== value) {
              session.set(key, erased)
              n++
            }
          }
          return n
        })
        // The log still holds the old updates: compacting replaces them by one snapshot without them.
        await room.compact()
        if (count > 0) changed.push({ place: 'board', sessionId: name, count })
      } finally {
        c.rooms.release(room, { compact: false })
      }
    }
    return changed
  }

  /**
   * G6, R15: a conclusie taken over from a deleted session keeps its text but
   * no longer names that session (its `meta.herkomst` goes); each board
   * changed is compacted, so no stored update names it either.
   */
  async function unlinkHerkomst(c: CoreContext, deleted: string): Promise<PrivacyPlace[]> {
    const names = (doc: Y.Doc) =>
      allRecords(doc).filter((r) => r.typeName === 'shape' && r.type === 'note' && parseStickyMeta(r.meta).herkomst?.sessionId === deleted).map((r) => String(r.id))
    const changed: PrivacyPlace[] = []
    for (const name of await store.rooms()) {
      if (name === deleted || names(await storedDoc(c, name)).length === 0) continue
      const room = await c.rooms.open(name)
      try {
        const count = room.transact((doc) => {
          const kv = recordsOf(doc)
          const ids = names(doc)
          for (const id of ids) {
            const record = kv.get(id)!
            const { herkomst: _gone, ...meta } = record.meta as Record<string, unknown>
            kv.set(id, { ...record, meta })
          }
          return ids.length
        })
        await room.compact()
        if (count > 0) changed.push({ place: 'board', sessionId: name, count })
      } finally {
        c.rooms.release(room, { compact: false })
      }
    }
    return changed
  }

  function routes(router: Router): void {
    router.post('/privacy/search', authorize('privacy:search'), async (req, res) => {
      const c = supported()
      const query = parseBody(personQuerySchema, req)
      const matcher = await matcherFor(query)
      const rows = await store.find(matcher)
      const boards = await searchBoards(c, matcher)
      const counts = new Map<string, PrivacyPlace>()
      for (const r of rows) {
        const key = `${r.place}\u0000${r.sessionId ?? ''}`
        const place = counts.get(key) ?? { place: r.place, sessionId: r.sessionId, count: 0 }
        place.count++
        counts.set(key, place)
      }
      const places = [...boards.map((b) => ({ place: 'board', sessionId: b.sessionId, count: b.records.length + (b.session ? 1 : 0) })), ...counts.values()]
      await access.audit(callerOf(res), 'privacy.search', { detail: `${places.length} plaatsen gevonden` })
      const body: PrivacySearchResponse = { places }
      res.json(body)
    })

    router.post('/privacy/export', authorize('privacy:export'), async (req, res) => {
      const c = supported()
      const query = parseBody(personQuerySchema, req)
      const matcher = await matcherFor(query)
      const rows = await store.find(matcher)
      const boards = await searchBoards(c, matcher)
      await access.audit(callerOf(res), 'privacy.export', { detail: `${rows.length + boards.length} plaatsen` })
      res.setHeader('content-disposition', 'attachment; filename="persoonsgegevens.json"')
      res.json({ exportedAt: new Date().toISOString(), query, boards, rows })
    })

    router.post('/privacy/erase', authorize('privacy:erase'), async (req, res) => {
      const c = supported()
      const query = parseBody(personQuerySchema, req)
      const matcher = await matcherFor(query)
      const pseudonym = await store.pseudonymFor(pseudonymKey(query))
      const boards = await eraseBoards(c, matcher, pseudonym)
      opts.history.renameActors((name) => (matcher.isName(name) ? pseudonym : matcher.replace(name, pseudonym)))
      // Presence: the person's open boards end (their cursor and name go); they come back under the pseudonym, as their login now says.
      const closed = c.rooms.closeGrants(
        ({ actor }) => isActor(actor) && actor.kind === 'participant' && (matcher.isName(actor.name) || matcher.mentions(actor.organisation)),
        CloseCode.IdentityErased,
        'IdentityErased',
      )
      if (closed > 0) boards.push({ place: 'presence', sessionId: null, count: closed })
      const rows = await store.erase(matcher, pseudonym)
      // Audited without the name: only the pseudonym it now has everywhere.
      await access.audit(callerOf(res), 'privacy.erase', { detail: pseudonym })
      await store.scrub()
      const body: PrivacyEraseResponse = { pseudonym, places: [...boards, ...rows] }
      res.json(body)
    })

    router.delete('/sessions/:id', authorize('session:delete'), async (req, res) => {
      const c = supported()
      const session = await findSession(opts.sessions, req.params.id)
      await c.rooms.discard(session.id, CloseCode.UnknownSession, 'UnknownSession')
      await opts.actielijst.deleteSession(session.id)
      const unlinked = await unlinkHerkomst(c, session.id)
      const places = [...(await store.deleteSession(session.id)), ...unlinked]
      await access.audit(callerOf(res), 'session.delete', { themagroep: session.themagroep, detail: 'sessie verwijderd' })
      await store.scrub()
      res.json({ places })
    })
  }

  async function purge(now = new Date()): Promise<{ audit: number; logins: number }> {
    const before = new Date(now.getTime() - settings.auditRetentionDays * 24 * 60 * 60 * 1000)
    return store.purge(before.toISOString(), now.toISOString())
  }

  return {
    name: 'privacy',
    store,
    purge,
    configure(context) {
      core = context
      // G8: once at start, then on the schedule.
      purge().catch((err: unknown) => context.log.error({ err }, 'privacy: retention purge failed'))
      timer = setInterval(() => {
        purge().catch((err: unknown) => context.log.error({ err }, 'privacy: retention purge failed'))
      }, settings.purgeIntervalMs)
      timer.unref()
    },
    routes,
    onStop() {
      if (timer) clearInterval(timer)
    },
  }
}
