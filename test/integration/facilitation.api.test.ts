import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoard, type DomainBoard } from '../../shared/boardModel'
import type { AddStickyResponse } from '../../shared/api'
import { NOTE_SIZE } from '../../shared/records'
import type { FacilitationResponse, PrivateStickiesResponse, VoteResponse } from '../../shared/facilitation'
import { readFacilitation } from '../../shared/facilitation'
import type { TemplatesResponse } from '../../shared/templates'
import { allRecords } from '../../shared/ydoc'
import { CloseCode } from '../../shared/closeCodes'
import { recordsOf } from '../../shared/ydoc'
import { createInvite, join, type Credential } from '../helpers/accessFixture'
import { withTimeout } from '../helpers/waitFor'
import { connectYClient, type YClient } from '../helpers/connectYClient'
import { startTestServer, type TestServer } from '../helpers/startTestServer'
import { removeTempDirs } from '../helpers/tempDir'
import { waitFor } from '../helpers/waitFor'

let server: TestServer | null = null
const clients: YClient[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.close()
  server = null
  removeTempDirs()
})

async function invite(s: TestServer, sessionId: string, role = 'deelnemer'): Promise<string> {
  const res = await s.api<{ token: string }>('POST', `/api/sessions/${sessionId}/invites`, { role })
  expect(res.status).toBe(201)
  return res.body.token
}

function client(s: TestServer, sessionId: string, token?: string): YClient {
  const c = connectYClient(s.wsUrl, sessionId, token ? { params: { token } } : {})
  clients.push(c)
  return c
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const board = (doc: Y.Doc): DomainBoard => readBoard(allRecords(doc))
/** Every byte the client holds, as text: a private sticky's text must not be anywhere in it. */
const docBytes = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1')
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NOTE_SIZE && Math.abs(a.y - b.y) < NOTE_SIZE

describe('facilitation API', () => {
  it('[F1] [F2] a new session is in voorbereiden; a PUT of phase and timer reaches an open board live; deelnemers may not PUT', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const got = await server.api<FacilitationResponse>('GET', `/api/sessions/${s.id}/facilitation`)
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({ phase: 'voorbereiden', timer: null, voteBudget: 3 })
    expect(Math.abs(got.body.serverNow - Date.now())).toBeLessThan(5_000)

    const watcher = client(server, s.id, await invite(server, s.id))
    await watcher.synced
    const put = await server.api<FacilitationResponse>('PUT', `/api/sessions/${s.id}/facilitation`, {
      phase: 'stil-schrijven',
      voteBudget: 5,
      timer: { seconds: 300 },
    })
    expect(put.status).toBe(200)
    expect(put.body.timer?.endsAt).toBe((put.body.timer?.startedAt ?? 0) + 300_000)
    await waitFor(() => readFacilitation(watcher.doc).phase === 'stil-schrijven', 'the phase on the open board')
    expect(readFacilitation(watcher.doc).timer?.status).toBe('running')
    expect(readFacilitation(watcher.doc).voteBudget).toBe(5)

    const deelnemer = await invite(server, s.id)
    const refused = await server.api<{ error: string }>('PUT', `/api/sessions/${s.id}/facilitation`, { phase: 'afgerond' }, bearer(deelnemer))
    expect(refused.status).toBe(403)
    const bad = await server.api<{ error: string }>('PUT', `/api/sessions/${s.id}/facilitation`, { phase: 'afgerond', timer: { seconds: -1 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_body')
    const after = await server.api<FacilitationResponse>('GET', `/api/sessions/${s.id}/facilitation`)
    expect(after.body.phase).toBe('stil-schrijven')
  })

  it('[F4] pause keeps what is left, addMinute adds 60 s, stop clears the timer', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const url = `/api/sessions/${s.id}/facilitation`
    await server.api('PUT', url, { timer: { seconds: 120 } })
    const paused = await server.api<FacilitationResponse>('PUT', url, { timer: { action: 'pause' } })
    expect(paused.body.timer?.status).toBe('paused')
    const left = paused.body.timer?.pausedRemainingMs ?? 0
    expect(left).toBeGreaterThan(110_000)
    const more = await server.api<FacilitationResponse>('PUT', url, { timer: { action: 'addMinute' } })
    expect(more.body.timer?.pausedRemainingMs).toBe(left + 60_000)
    const resumed = await server.api<FacilitationResponse>('PUT', url, { timer: { action: 'resume' } })
    expect(resumed.body.timer?.endsAt).toBe((resumed.body.timer?.startedAt ?? 0) + left + 60_000)
    const stopped = await server.api<FacilitationResponse>('PUT', url, { timer: { action: 'stop' } })
    expect(stopped.body.timer).toBeNull()
  })

  it('[F6] [F7] [F8] during stil-schrijven no other client — not another deelnemer, not the admin — receives a private sticky; after delen both do', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const url = `/api/sessions/${s.id}/facilitation`
    const anna = await join(server, await invite(server, s.id), 'Anna de Vries', 'Verenso')
    const otherToken = await invite(server, s.id)
    const other = client(server, s.id, otherToken)
    const admin = client(server, s.id)
    await Promise.all([other.synced, admin.synced])
    await server.api('PUT', url, { phase: 'stil-schrijven' })

    const secret = 'Geheim: SO mag niet declareren buiten het verpleeghuis'
    const sheet = board(admin.doc).sheets[1]!
    const posted = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: secret, tag: 'belemmerend', sheet: sheet.name }, anna.unsafeHeaders)
    expect(posted.status).toBe(201)
    expect(posted.body).toEqual({ id: posted.body.id, sheetId: null, private: true })
    await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: 'Tweede geheim', tag: 'bevorderend', sheet: sheet.id }, anna.unsafeHeaders)
    const bert = await join(server, await invite(server, s.id), 'Bert Bos', 'LHV')
    await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: 'Van Bert', tag: 'bevorderend', sheet: sheet.id }, bert.unsafeHeaders)

    // A later public change reaches both clients; by then the private ones would have too.
    await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: 'Openbaar', tag: 'opmerking' })
    for (const c of [other, admin]) {
      await waitFor(() => board(c.doc).stickies.some((x) => x.text === 'Openbaar'), 'the public sticky')
      await waitFor(() => Object.keys(readFacilitation(c.doc).privateCounts).length === 2, 'the counts')
      expect(docBytes(c.doc)).not.toContain('Geheim')
      expect(docBytes(c.doc)).not.toContain('Tweede geheim')
      expect(docBytes(c.doc)).not.toContain('Van Bert')
      expect(Object.values(readFacilitation(c.doc).privateCounts)).toEqual([
        { name: 'Anna de Vries', organisation: 'Verenso', count: 2 },
        { name: 'Bert Bos', organisation: 'LHV', count: 1 },
      ])
    }
    expect(JSON.stringify((await server.api('GET', `/api/sessions/${s.id}/verslag.json`)).body)).not.toContain('Geheim')

    // The writer sees their own; another deelnemer sees none of them.
    const own = await server.api<PrivateStickiesResponse>('GET', `/api/sessions/${s.id}/private-stickies`, undefined, anna.headers)
    expect(own.body.stickies.map((x) => x.text)).toEqual([secret, 'Tweede geheim'])
    const theirs = await server.api<PrivateStickiesResponse>('GET', `/api/sessions/${s.id}/private-stickies`, undefined, bearer(otherToken))
    expect(theirs.body.stickies).toEqual([])
    const steal = await server.api('DELETE', `/api/sessions/${s.id}/private-stickies/${posted.body.id}`, undefined, bearer(otherToken))
    expect(steal.status).toBe(404)

    await server.api('PUT', url, { phase: 'delen' })
    for (const c of [other, admin]) {
      await waitFor(() => board(c.doc).stickies.some((x) => x.text === secret), 'the revealed sticky')
      const revealed = board(c.doc).stickies.filter((x) => x.meta.author?.name === 'Anna de Vries')
      expect(revealed.map((x) => x.text).sort()).toEqual([secret, 'Tweede geheim'].sort())
      expect(revealed.every((x) => x.sheetId === sheet.id)).toBe(true)
      // Anna's two and Bert's one, all in the same sheet, none on top of another.
      const inSheet = board(c.doc).stickies.filter((x) => x.sheetId === sheet.id)
      expect(inSheet).toHaveLength(3)
      for (let i = 0; i < inSheet.length; i++) for (let j = i + 1; j < inSheet.length; j++) expect(overlap(inSheet[i]!, inSheet[j]!)).toBe(false)
      await waitFor(() => Object.keys(readFacilitation(c.doc).privateCounts).length === 0, 'the counts cleared')
    }
    expect((await server.api<PrivateStickiesResponse>('GET', `/api/sessions/${s.id}/private-stickies`, undefined, anna.headers)).body.stickies).toEqual([])
  })

  it('[F8] [F6] a writer who shares early puts only their own stickies on the board; one writer holds at most 200 privately', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const anna = await join(server, await invite(server, s.id), 'Anna', 'Verenso')
    const bert = await join(server, await invite(server, s.id), 'Bert', 'LHV')
    await server.api('PUT', `/api/sessions/${s.id}/facilitation`, { phase: 'stil-schrijven' })
    await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: 'Van Anna', tag: 'bevorderend' }, anna.unsafeHeaders)
    await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: 'Van Bert', tag: 'bevorderend' }, bert.unsafeHeaders)
    // One writer holds at most 200 at a time.
    for (let i = 1; i < 200; i++) await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: `Nog ${i}`, tag: 'bevorderend' }, bert.unsafeHeaders)
    const tooMany = await server.api<{ error: string }>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Te veel', tag: 'bevorderend' }, bert.unsafeHeaders)
    expect(tooMany.status).toBe(409)
    expect(tooMany.body.error).toBe('private_limit')
    const shared = await server.api<{ shared: { id: string }[] }>('POST', `/api/sessions/${s.id}/private-stickies/share`, undefined, anna.unsafeHeaders)
    expect(shared.status).toBe(200)
    expect(shared.body.shared).toHaveLength(1)
    const admin = client(server, s.id)
    await admin.synced
    const texts = board(admin.doc).stickies.map((x) => x.text)
    expect(texts).toContain('Van Anna')
    expect(texts).not.toContain('Van Bert')
  })

  it('[F10] a fourth vote gets 409 vote_budget_exhausted; a vote taken back frees a dot; outside stemmen and off-scope votes are refused', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const anna = await join(server, await invite(server, s.id), 'Anna', 'Verenso')
    const a = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Een', tag: 'bevorderend' })
    const b = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Twee', tag: 'belemmerend' })
    const vote = (id: string, method = 'POST') => server!.api<VoteResponse & { error?: string }>(method, `/api/sessions/${s.id}/stickies/${id}/votes`, undefined, anna.unsafeHeaders)

    expect((await vote(a.body.id)).body.error).toBe('not_voting_phase')
    await server.api('PUT', `/api/sessions/${s.id}/facilitation`, { phase: 'stemmen', voteBudget: 3 })
    expect((await vote(a.body.id)).body).toMatchObject({ total: 1, mine: 1, used: 1, remaining: 2 })
    expect((await vote(a.body.id)).body).toMatchObject({ total: 2, mine: 2 })
    expect((await vote(b.body.id)).body).toMatchObject({ used: 3, remaining: 0 })
    const fourth = await vote(b.body.id)
    expect(fourth.status).toBe(409)
    expect(fourth.body.error).toBe('vote_budget_exhausted')
    // The admin votes with its own budget.
    expect((await server.api<VoteResponse>('POST', `/api/sessions/${s.id}/stickies/${b.body.id}/votes`)).body).toMatchObject({ total: 2, mine: 1 })

    expect((await vote(a.body.id, 'DELETE')).body).toMatchObject({ mine: 1, used: 2, remaining: 1 })
    expect((await vote(b.body.id)).status).toBe(200)
    const none = await server.api<{ error: string }>('DELETE', `/api/sessions/${s.id}/stickies/${a.body.id}/votes`, undefined, bearer(await invite(server, s.id)))
    expect(none.body.error).toBe('no_vote_to_remove')

    await server.api('PUT', `/api/sessions/${s.id}/facilitation`, { voteBudget: 10, voteScope: { tags: ['bevorderend'] } })
    const offScope = await vote(b.body.id)
    expect(offScope.status).toBe(403)
    expect(offScope.body.error).toBe('vote_out_of_scope')
    expect((await server.api('POST', `/api/sessions/${s.id}/stickies/shape:nope/votes`, undefined, anna.unsafeHeaders)).status).toBe(404)

    const admin = client(server, s.id)
    await admin.synced
    const sticky = board(admin.doc).stickies.find((x) => x.id === a.body.id)
    expect(sticky?.meta.votes).toEqual({ [Object.keys(sticky?.meta.votes ?? {}).find((k) => k !== 'admin')!]: 1 })
    const mine = await server.api<{ votes: Record<string, number>; used: number }>('GET', `/api/sessions/${s.id}/votes/mine`, undefined, anna.headers)
    expect(mine.body.used).toBe(3)
  })

  it('[F11] a vote on someone else’s behalf through a stock client is refused; the API’s votes stand', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const anna = await createInvite(server, s.id, 'deelnemer')
    const annaId = `invite-${anna.id}`
    const sticky = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Een', tag: 'bevorderend' })
    await server.api('PUT', `/api/sessions/${s.id}/facilitation`, { phase: 'stemmen', voteBudget: 3 })
    expect((await server.api('POST', `/api/sessions/${s.id}/stickies/${sticky.body.id}/votes`, undefined, bearer(anna.token))).status).toBe(200)
    const watcher = client(server, s.id)
    await watcher.synced

    const bert = client(server, s.id, (await createInvite(server, s.id, 'deelnemer')).token)
    await bert.synced
    const kv = recordsOf(bert.doc)
    const record = kv.get(sticky.body.id)!
    // Bert writes three dots in Anna's name straight into the doc.
    kv.set(sticky.body.id, { ...record, meta: { ...(record.meta as object), votes: { [annaId]: 3 } } })
    expect(await withTimeout(bert.serverClosed, 'the refusal')).toBe(CloseCode.WriteRefused)

    // A later vote through the API arrives; Anna still has the one dot she gave.
    await server.api('POST', `/api/sessions/${s.id}/stickies/${sticky.body.id}/votes`)
    await waitFor(() => board(watcher.doc).stickies.find((x) => x.id === sticky.body.id)?.meta.votes?.admin === 1, 'the admin’s vote')
    expect(board(watcher.doc).stickies.find((x) => x.id === sticky.body.id)?.meta.votes).toEqual({ [annaId]: 1, admin: 1 })
    const mine = await server.api<{ used: number }>('GET', `/api/sessions/${s.id}/votes/mine`, undefined, bearer(anna.token))
    expect(mine.body.used).toBe(1)
  })

  it('[F10] concurrent votes of one voter never exceed the budget', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const anna: Credential = await join(server, await invite(server, s.id), 'Anna', 'Verenso')
    const a = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Een', tag: 'bevorderend' })
    await server.api('PUT', `/api/sessions/${s.id}/facilitation`, { phase: 'stemmen', voteBudget: 3 })
    const results = await Promise.all(
      Array.from({ length: 10 }, () => server!.api('POST', `/api/sessions/${s.id}/stickies/${a.body.id}/votes`, undefined, anna.unsafeHeaders)),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(3)
    expect(results.filter((r) => r.status === 409)).toHaveLength(7)
  })

  it('[F16] GET /api/templates lists the templates; POST /api/sessions with a template seeds its sheets; an unknown one is 400', async () => {
    server = await startTestServer()
    const list = await server.api<TemplatesResponse>('GET', '/api/templates')
    expect(list.body.templates.map((t) => t.id)).toEqual(['twee-modellen', 'twee-kolommen', 'ontwikkelmodel', 'klantpad', 'voorstelronde', 'vervolgafspraken'])
    const s = await server.createSession({ template: 'ontwikkelmodel' })
    const admin = client(server, s.id)
    await admin.synced
    const sheets = board(admin.doc).sheets
    expect(sheets.map((x) => x.name).sort()).toEqual(['Regio – monodisciplinair', 'Regio – multidisciplinair', 'Wijk – monodisciplinair', 'Wijk – multidisciplinair'])
    const wijkMono = sheets.find((x) => x.name === 'Wijk – monodisciplinair')!
    const regioMulti = sheets.find((x) => x.name === 'Regio – multidisciplinair')!
    expect(regioMulti.x).toBeGreaterThan(wijkMono.x)
    expect(regioMulti.y).toBeGreaterThan(wijkMono.y)
    const added = await server.api<{ sheetIds: string[] }>('POST', `/api/sessions/${s.id}/sheets`, { template: 'vervolgafspraken' })
    expect(added.status).toBe(201)
    await waitFor(() => board(admin.doc).sheets.some((x) => x.name === 'Vervolgafspraken'), 'the added sheet')
    const vervolg = board(admin.doc).sheets.find((x) => x.name === 'Vervolgafspraken')!
    expect(vervolg.x).toBeGreaterThan(Math.max(...sheets.map((x) => x.x + x.w)))
    const deelnemer = await invite(server, s.id)
    expect((await server.api('POST', `/api/sessions/${s.id}/sheets`, { template: 'klantpad' }, bearer(deelnemer))).status).toBe(403)
    expect((await server.api('POST', `/api/sessions/${s.id}/sheets`, { template: 'nope' })).status).toBe(400)
    const bad = await server.api<{ error: string }>('POST', '/api/sessions', { title: 't', themagroep: 'g', template: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('unknown_template')
  })

  it('[F20] 100 stickies posted to one sheet through the API: none overlap, all inside that sheet', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const admin = client(server, s.id)
    await admin.synced
    const sheet = board(admin.doc).sheets[0]!
    for (let i = 0; i < 100; i++) {
      const res = await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: `Sticky ${i}`, tag: 'bevorderend', sheet: sheet.name })
      expect(res.status).toBe(201)
    }
    await waitFor(() => board(admin.doc).stickies.length === 100, '100 stickies')
    const { stickies, sheets } = board(admin.doc)
    const grown = sheets.find((x) => x.id === sheet.id)!
    for (const st of stickies) {
      expect(st.sheetId).toBe(sheet.id)
      expect(st.x).toBeGreaterThanOrEqual(0)
      expect(st.y).toBeGreaterThanOrEqual(0)
      expect(st.x + NOTE_SIZE).toBeLessThanOrEqual(grown.w)
      expect(st.y + NOTE_SIZE).toBeLessThanOrEqual(grown.h)
    }
    for (let i = 0; i < stickies.length; i++) {
      for (let j = i + 1; j < stickies.length; j++) expect(overlap(stickies[i]!, stickies[j]!)).toBe(false)
    }
  })

  it('[F20] a sticky posted without a sheet goes to the author’s last used sheet, else the first sheet', async () => {
    server = await startTestServer()
    const s = await server.createSession()
    const anna = await join(server, await invite(server, s.id), 'Anna', 'Verenso')
    const first = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Zonder vel', tag: 'opmerking' }, anna.unsafeHeaders)
    const admin = client(server, s.id)
    await admin.synced
    const sheets = [...board(admin.doc).sheets].sort((a, b) => a.x - b.x)
    expect(first.body.sheetId).toBe(sheets[0]!.id)
    await server.api('POST', `/api/sessions/${s.id}/stickies`, { text: 'In Afspraken', tag: 'afspraak', sheet: 'Afspraken' }, anna.unsafeHeaders)
    const next = await server.api<AddStickyResponse>('POST', `/api/sessions/${s.id}/stickies`, { text: 'Weer zonder vel', tag: 'opmerking' }, anna.unsafeHeaders)
    expect(next.body.sheetId).toBe(sheets.find((x) => x.name === 'Afspraken')!.id)
  })
})
