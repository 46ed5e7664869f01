/**
 * Conclusies across the sessions of a themagroep (SPEC R13–R15) against a
 * real server: a later session lists the conclusies of earlier ones and takes
 * one over (a new conclusie, stored and broadcast, that remembers where it
 * came from); a request linked to it in a third session shows, in the
 * register, the chain back through both earlier sessions — never into
 * another themagroep, and ending where an origin session was deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { EarlierConclusies, TakeOverResponse } from '../../shared/herkomst'
import { readBoard } from '../../shared/boardModel'
import { registerSchema, type Register, type RegisterRow } from '../../shared/regelruimte'
import type { StickyMeta } from '../../shared/sticky'
import type { Tag } from '../../shared/tags'
import { addSticky, allRecords, recordsOf, writeSessionInfo } from '../../shared/ydoc'
import { accessFixture, createInvite, GROEP_A, join, type AccessFixture, type Credential } from '../helpers/accessFixture'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { link } from '../helpers/verslagBoard'
import { waitFor } from '../helpers/waitFor'

describe('conclusies across sessions (SPEC R13–R15)', () => {
  let f: AccessFixture
  const clients: YClient[] = []
  const docs: Record<'s1' | 's2' | 's3' | 'later' | 'b', Y.Doc> = {} as never
  const ids: Record<'s1' | 's2' | 's3' | 'later', string> = {} as never
  let c1: string
  let notConclusie: string
  let b1: string

  const add = (doc: Y.Doc, text: string, tag: Tag, extraMeta: Partial<StickyMeta> = {}) => addSticky(doc, { text, tag, extraMeta }).id
  let arrows = 0
  const arrow = (doc: Y.Doc, from: string, to: string) => link(doc, `shape:herkomst-${++arrows}`, from, to)
  const earlier = (sessionId: string, cred?: Credential) =>
    f.server.api<EarlierConclusies>('GET', `/api/sessions/${sessionId}/conclusies/eerder`, undefined, cred?.headers ?? {})
  const takeOver = (sessionId: string, body: unknown, cred?: Credential) =>
    f.server.api<TakeOverResponse & { error?: string; message?: string }>('POST', `/api/sessions/${sessionId}/conclusies/overnemen`, body, cred?.unsafeHeaders ?? {})
  const register = async (cred?: Credential) => {
    const res = await f.server.api<Register>('GET', '/api/regelruimte.json', undefined, cred?.headers ?? {})
    expect(res.status).toBe(200)
    return registerSchema.parse(res.body)
  }
  const stored = async (sessionId: string) => readBoard(allRecords(f.server.rooms.get(sessionId)?.doc ?? (await f.server.rooms.open(sessionId)).doc))

  beforeAll(async () => {
    f = await accessFixture(await startTestServer({ loginAttempts: 1000 }))
    for (const [key, title, date] of [['s1', 'Eerste sessie', '2026-01-15'], ['s2', 'Tweede sessie', '2026-03-10'], ['s3', 'Derde sessie', '2026-05-20'], ['later', 'Latere sessie', '2026-09-01']] as const) {
      ids[key] = (await f.server.api<{ id: string }>('POST', '/api/sessions', { title, themagroep: GROEP_A, date })).body.id
    }
    for (const key of ['s1', 's2', 's3', 'later'] as const) {
      const client = connectYClient(f.server.wsUrl, ids[key])
      clients.push(client)
      await client.synced
      docs[key] = client.doc
    }
    const other = connectYClient(f.server.wsUrl, f.otherSession.id)
    clients.push(other)
    await other.synced
    docs.b = other.doc
    writeSessionInfo(docs.s1, { date: '2026-01-15' })
    writeSessionInfo(docs.s2, { date: '2026-03-10' })
    writeSessionInfo(docs.s3, { date: '2026-05-20' })
    writeSessionInfo(docs.later, { date: '2026-09-01' })
    // Sessie 1: two factors behind a conclusie, and a sticky that is no conclusie.
    const f1 = add(docs.s1, 'SO heeft geen eigen betaaltitel', 'belemmerend')
    const f2 = add(docs.s1, 'Twee loketten voor één patiënt', 'belemmerend')
    c1 = add(docs.s1, 'Eén financiering binnen één domein', 'conclusie')
    notConclusie = f1
    arrow(docs.s1, f1, c1)
    arrow(docs.s1, f2, c1)
    add(docs.later, 'Conclusie van later', 'conclusie')
    b1 = add(docs.b, 'Geheime conclusie van groep B', 'conclusie')
    await waitFor(async () => (await stored(ids.s1)).links.length === 2 && (await stored(f.otherSession.id)).stickies.length > 0, 'the boards stored')
  })

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await f?.server.close()
    removeTempDirs()
  })

  it('[R14] a later session lists the conclusies of the themagroep’s earlier sessions with what they rest on; not later sessions, not another themagroep', async () => {
    const res = await earlier(ids.s2)
    expect(res.status).toBe(200)
    expect(res.body.conclusies).toEqual([
      {
        sessionId: ids.s1,
        sessionTitle: 'Eerste sessie',
        sessionDate: '2026-01-15',
        stickyId: c1,
        text: 'Eén financiering binnen één domein',
        factoren: ['SO heeft geen eigen betaaltitel', 'Twee loketten voor één patiënt'],
        takenOver: false,
      },
    ])
    expect(JSON.stringify(res.body)).not.toContain('Geheime')
    expect(JSON.stringify(res.body)).not.toContain('Conclusie van later')
  })

  it('[R13] takes a conclusie over: a new conclusie on the sheet Conclusies, stored and broadcast, whose meta names its origin; twice is 409', async () => {
    const res = await takeOver(ids.s2, { fromSessionId: ids.s1, stickyId: c1.replace(/^shape:/, '') })
    expect(res.status).toBe(201)
    expect(res.body.sessionId).toBe(ids.s2)
    // Broadcast to the open board (S1): the client sees it with its origin.
    await waitFor(() => recordsOf(docs.s2).has(res.body.stickyId), 'the open board receives the conclusie')
    const board = readBoard(allRecords(docs.s2))
    const sticky = board.stickies.find((s) => s.id === res.body.stickyId)!
    expect(sticky).toMatchObject({ text: 'Eén financiering binnen één domein', tag: 'conclusie', meta: { herkomst: { sessionId: ids.s1, stickyId: c1 } } })
    expect(board.sheets.find((s) => s.id === sticky.sheetId)?.name).toBe('Conclusies')
    // Stored before the answer (S1).
    const log = await f.server.storage.docs.load(ids.s2)
    expect(log.updates.length + (log.snapshot ? 1 : 0)).toBeGreaterThan(0)

    const again = await takeOver(ids.s2, { fromSessionId: ids.s1, stickyId: c1 })
    expect(again.status).toBe(409)
    expect(again.body.error).toBe('already_taken_over')
    expect((await earlier(ids.s2)).body.conclusies.find((c) => c.stickyId === c1)?.takenOver).toBe(true)
    const audit = await f.server.api<{ action: string; sessionId: string }[]>('GET', '/api/audit?action=conclusie.overnemen')
    expect(audit.body.map((e) => e.sessionId)).toContain(ids.s2)
  })

  it('[R13] refuses with a readable sentence: its own session, another themagroep, an unknown or non-conclusie sticky, a bad body; nothing is added', async () => {
    const count = (await stored(ids.s3)).stickies.length
    const cases: [unknown, number, string][] = [
      [{ fromSessionId: ids.s3, stickyId: c1 }, 400, 'invalid_body'],
      [{ fromSessionId: f.otherSession.id, stickyId: b1 }, 404, 'session_not_found'],
      [{ fromSessionId: 'bestaat-niet', stickyId: c1 }, 404, 'session_not_found'],
      [{ fromSessionId: ids.s1, stickyId: 'shape:weg' }, 404, 'conclusie_not_found'],
      [{ fromSessionId: ids.s1, stickyId: notConclusie }, 404, 'conclusie_not_found'],
      [{ fromSessionId: ids.s1 }, 400, 'invalid_body'],
      [{ fromSessionId: ids.s1, stickyId: 'x'.repeat(500) }, 400, 'invalid_body'],
    ]
    for (const [body, status, error] of cases) {
      const res = await takeOver(ids.s3, body)
      expect([res.status, res.body.error], JSON.stringify(body).slice(0, 80)).toEqual([status, error])
      expect(typeof res.body.message).toBe('string')
      expect(res.body.message).not.toMatch(/\[[A-Z]\d+\]/)
    }
    expect((await stored(ids.s3)).stickies).toHaveLength(count)
  })

  it('[R13] is for the secretariaat and coördinatoren of the later session; a deelnemer, a waarnemer and a coördinator of another themagroep are refused', async () => {
    for (const cred of [f.creds.deelnemer, f.creds.waarnemer, f.creds.otherCoordinator]) {
      expect((await earlier(f.session.id, cred)).status).toBe(403)
      expect((await takeOver(f.session.id, { fromSessionId: ids.s1, stickyId: c1 }, cred)).status).toBe(403)
    }
    // The invited secretariaat of a session of the themagroep may (R11: it sees the themagroep's register).
    const listed = await earlier(f.session.id, f.creds.secretariaat)
    expect(listed.status).toBe(200)
    expect(listed.body.conclusies.map((c) => c.text)).toContain('Eén financiering binnen één domein')
  })

  it('[R15] the register follows a request’s conclusie back through two earlier sessions, each named, with the factors there', async () => {
    // Sessie 3 takes over Sessie 2's copy, and links a request to it.
    const c2 = (await earlier(ids.s3)).body.conclusies.find((c) => c.sessionId === ids.s2)!
    expect(c2).toBeDefined()
    // Sessie 2 adds a factor of its own behind its copy.
    const f3 = add(docs.s2, 'Nieuwe cijfers van de NZa', 'bevorderend')
    arrow(docs.s2, f3, c2.stickyId)
    const taken = await takeOver(ids.s3, { fromSessionId: ids.s2, stickyId: c2.stickyId })
    expect(taken.status).toBe(201)
    await waitFor(() => recordsOf(docs.s3).has(taken.body.stickyId), 'the copy in Sessie 3')
    const request = add(docs.s3, 'Aanpassing subsidieregeling extramurale behandeling', 'regelruimte')
    arrow(docs.s3, taken.body.stickyId, request)
    const row = await waitFor(
      async () => (await register()).rows.find((r) => r.stickyId === request && r.keten.conclusies[0]?.herkomst?.length === 2 && r.keten.conclusies[0].herkomst[0]!.factoren.length === 1),
      'the request in the register with its chain',
    )
    expect(row.keten.conclusies).toEqual([
      {
        text: 'Eén financiering binnen één domein',
        factoren: [],
        herkomst: [
          { sessionId: ids.s2, sessionTitle: 'Tweede sessie', sessionDate: '2026-03-10', stickyId: c2.stickyId, text: 'Eén financiering binnen één domein', factoren: ['Nieuwe cijfers van de NZa'] },
          {
            sessionId: ids.s1,
            sessionTitle: 'Eerste sessie',
            sessionDate: '2026-01-15',
            stickyId: c1,
            text: 'Eén financiering binnen één domein',
            factoren: ['SO heeft geen eigen betaaltitel', 'Twee loketten voor één patiënt'],
          },
        ],
      },
    ])
    // The invited secretariaat of a session of the themagroep sees the same chain (R11).
    const invite = await createInvite(f.server, ids.s3, 'secretariaat')
    const secretariaat = await join(f.server, invite.token, 'Sanne Secretariaat', 'Programmabureau')
    const seen = (await register(secretariaat)).rows.find((r) => r.stickyId === request)!
    expect(seen.keten).toEqual(row.keten)
  })

  it('[R15] a chain never leads into another themagroep, even for the admin who sees both', async () => {
    const forged = add(docs.s3, 'Vervalste herkomst', 'conclusie', { herkomst: { sessionId: f.otherSession.id, stickyId: b1 } })
    const request = add(docs.s3, 'Verzoek op vervalste herkomst', 'regelruimte')
    arrow(docs.s3, forged, request)
    const row = await waitFor(async () => (await register()).rows.find((r: RegisterRow) => r.stickyId === request && r.keten.conclusies.length > 0), 'the forged chain')
    expect(row.keten.conclusies).toEqual([{ text: 'Vervalste herkomst', factoren: [] }])
    expect(JSON.stringify(await register())).not.toContain('Geheime conclusie')
  })

  it('[R15] a deleted origin session ends the chain there', async () => {
    const before = (await register()).rows.find((r) => r.text === 'Aanpassing subsidieregeling extramurale behandeling')!
    expect(before.keten.conclusies[0]!.herkomst).toHaveLength(2)
    expect((await f.server.api('DELETE', `/api/sessions/${ids.s1}`)).status).toBe(200)
    const after = (await register()).rows.find((r) => r.text === 'Aanpassing subsidieregeling extramurale behandeling')!
    expect(after.keten.conclusies[0]!.herkomst?.map((h) => h.sessionId)).toEqual([ids.s2])
    expect((await earlier(ids.s3)).body.conclusies.map((c) => c.sessionId)).not.toContain(ids.s1)
  })
})
